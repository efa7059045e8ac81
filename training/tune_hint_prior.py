"""Tune the decoding prior toward the rule hints of a trained stacked model.

    python -m training.tune_hint_prior --model aidner/data/models/default \\
        --data corpus/valid.jsonl --origin handwritten [--write [--dev ../shared/dev/seeds.jsonl]]

The model reads the rule baseline's output as features and learned on the training
corpus how far to trust it. `hint_weight` (entity tags) and `hint_rel_weight`
(relation classes) add a prior toward the rules' guess at decoding time
(`aidner.models.transformer.with_hint_prior`). Each weight of a grid is tried on
validation data, the entity weight first, then the relation weight at the chosen
entity weight, each chosen by the metric that selects training checkpoints (the mean
of entity and relation F1); ties keep the smaller weight. Training
runs this itself when its config sets `hint_prior_grid`; this command retunes a
trained folder (--write stores the choice, --dev then rescores dev_scores.json).
Tune on validation data, never on the dev set the README's figures come from.
"""
from __future__ import annotations

import argparse
from typing import Sequence

from aidner.benchmark import gold_documents
from aidner.document import Document
from aidner.evaluation import score_documents
from aidner.models.transformer import TransformerModel
from training.train import checkpoint_metric, score_dev, summarize_scores

DEFAULT_GRID = "0,0.5,1,1.5,2,3"


def parse_grid(spec: str) -> list[float]:
    """"0,0.5,1" -> [0.0, 0.5, 1.0] (sorted, so ties go to the smaller weight)."""
    try:
        grid = sorted({float(w) for w in spec.split(",") if w.strip()})
    except ValueError:
        raise ValueError(f"hint prior grid must be comma-separated numbers, got {spec!r}") from None
    if not grid or grid[0] < 0:
        raise ValueError(f"hint prior grid needs weights >= 0, got {spec!r}")
    return grid


def tune(model: TransformerModel, gold: Sequence[Document], grid: str = DEFAULT_GRID) -> dict:
    """Choose and set `model.hint_weight` and `model.hint_rel_weight` on the annotated
    documents `gold`; returns the choice and every row tried."""
    weights = parse_grid(grid)
    texts = [d.text for d in gold]
    rows: list[dict] = []

    def score(weight: float, rel_weight: float) -> dict:
        model.hint_weight, model.hint_rel_weight = weight, rel_weight
        s = score_documents(gold, model.predict(texts))
        # the unrounded checkpoint metric decides, as in training
        row = {"hint_weight": weight, "hint_rel_weight": rel_weight, **summarize_scores(s),
               "metric": checkpoint_metric(s)}
        rows.append(row)
        return row

    best = max((score(w, 0.0) for w in weights), key=lambda r: r["metric"])
    candidates = [best] + [score(best["hint_weight"], w) for w in weights if w > 0]
    best = max(candidates, key=lambda r: r["metric"])
    model.hint_weight, model.hint_rel_weight = best["hint_weight"], best["hint_rel_weight"]
    return {"hint_weight": model.hint_weight, "hint_rel_weight": model.hint_rel_weight,
            "rows": rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", required=True, help="trained model folder")
    parser.add_argument("--data", required=True, help="annotated validation JSONL")
    parser.add_argument("--origin", default=None, help="only documents of this meta.origin")
    parser.add_argument("--grid", default=DEFAULT_GRID, help="comma-separated weights to try")
    parser.add_argument("--write", action="store_true", help="store the choice in the model folder")
    parser.add_argument("--dev", default=None, help="with --write: rescore this dev file")
    args = parser.parse_args(argv)
    model = TransformerModel.load(args.model)
    if model.hinter is None:
        parser.error(f"{args.model}: the model does not read rule hints")
    choice = tune(model, gold_documents(args.data, args.origin), args.grid)
    choice.update(data=args.data, origin=args.origin)
    print("| hint_weight | hint_rel_weight | entity F1 | relation F1 | triple F1 | metric |")
    print("|---|---|---|---|---|---|")
    for r in choice["rows"]:
        print(f"| {r['hint_weight']} | {r['hint_rel_weight']} | {r['entity_f1']:.4f} | "
              f"{r['relation_f1']:.4f} | {r['triple_f1']:.4f} | {r['metric']:.4f} |")
    print(f"chosen: hint_weight={choice['hint_weight']} hint_rel_weight={choice['hint_rel_weight']}")
    if args.write:
        model.info["hint_prior"] = choice
        if args.dev:
            print("dev:", score_dev(model, args.dev, args.model))
        model.save(args.model)
        print(f"written to {args.model}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
