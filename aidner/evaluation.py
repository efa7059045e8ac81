"""Scores of predicted Documents against gold Documents, as SCHEMA.md defines them.

- entities: seqeval on character-level BIO tags (exact span and label), micro and per label;
- relations: strict (both ends' spans and labels and the type), micro and per type;
- triples: per document, the set of (head text, type, tail text), micro over documents;
  also the same restricted to ASSISTS (partnership triples).
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Sequence

from seqeval.metrics import classification_report

from aidner.document import Document, Entity
from aidner.schema import ENTITY_LABELS, RELATION_TYPES


def bio_tags(doc: Document) -> list[str]:
    """One BIO tag per character of `doc.text`."""
    tags = ["O"] * len(doc.text)
    for ent in doc.entities:
        tags[ent.start] = f"B-{ent.label}"
        for i in range(ent.start + 1, ent.end):
            tags[i] = f"I-{ent.label}"
    return tags


def prf(tp: int, n_pred: int, n_gold: int) -> dict:
    """Precision, recall, F1 and support from counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "support": n_gold, "predicted": n_pred}


def entity_scores(gold: Sequence[Document], pred: Sequence[Document]) -> dict:
    """seqeval micro and per-label scores on character BIO tags."""
    _check_aligned(gold, pred)
    y_true = [bio_tags(d) for d in gold if d.text]
    y_pred = [bio_tags(d) for d in pred if d.text]
    report = classification_report(y_true, y_pred, output_dict=True, zero_division=0)
    n_gold = defaultdict(int)
    n_pred = defaultdict(int)
    for d in gold:
        for e in d.entities:
            n_gold[e.label] += 1
    for d in pred:
        for e in d.entities:
            n_pred[e.label] += 1
    per_label = {}
    for label in ENTITY_LABELS:
        row = report.get(label, {"precision": 0.0, "recall": 0.0, "f1-score": 0.0})
        per_label[label] = {"precision": float(row["precision"]), "recall": float(row["recall"]),
                            "f1": float(row["f1-score"]), "support": n_gold[label],
                            "predicted": n_pred[label]}
    micro = report.get("micro avg", {"precision": 0.0, "recall": 0.0, "f1-score": 0.0})
    return {"micro": {"precision": float(micro["precision"]), "recall": float(micro["recall"]),
                      "f1": float(micro["f1-score"]), "support": sum(n_gold.values()),
                      "predicted": sum(n_pred.values())},
            "per_label": per_label}


def _ent_key(ent: Entity) -> tuple[int, int, str]:
    return (ent.start, ent.end, ent.label)


def relation_scores(gold: Sequence[Document], pred: Sequence[Document]) -> dict:
    """Strict relation scores: exact spans and labels of both ends, and the type."""
    _check_aligned(gold, pred)

    def keys(docs: Iterable[Document]) -> set:
        return {(i, _ent_key(r.head), r.type, _ent_key(r.tail))
                for i, d in enumerate(docs) for r in d.relations}

    return _set_scores(keys(gold), keys(pred), type_index=2, types=RELATION_TYPES)


def triple_scores(gold: Sequence[Document], pred: Sequence[Document],
                  only_type: str | None = None) -> dict:
    """Document-level (head text, type, tail text) sets, each counted once per document."""
    _check_aligned(gold, pred)

    def keys(docs: Iterable[Document]) -> set:
        return {(i,) + r.as_strings() for i, d in enumerate(docs) for r in d.relations
                if only_type is None or r.type == only_type}

    types = RELATION_TYPES if only_type is None else (only_type,)
    return _set_scores(keys(gold), keys(pred), type_index=2, types=types)


def _set_scores(gold: set, pred: set, type_index: int, types: Sequence[str]) -> dict:
    tp = gold & pred
    per_type = {}
    for t in types:
        per_type[t] = prf(sum(1 for k in tp if k[type_index] == t),
                          sum(1 for k in pred if k[type_index] == t),
                          sum(1 for k in gold if k[type_index] == t))
    return {"micro": prf(len(tp), len(pred), len(gold)), "per_type": per_type}


def score_documents(gold: Sequence[Document], pred: Sequence[Document]) -> dict:
    """All scores of SCHEMA.md for aligned lists of gold and predicted Documents."""
    return {"entities": entity_scores(gold, pred),
            "relations": relation_scores(gold, pred),
            "triples": triple_scores(gold, pred),
            "partnership_triples": triple_scores(gold, pred, only_type="ASSISTS")}


def _check_aligned(gold: Sequence[Document], pred: Sequence[Document]) -> None:
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold documents but {len(pred)} predictions")
    for i, (g, p) in enumerate(zip(gold, pred)):
        if g.text != p.text:
            raise ValueError(f"document {i} ({g.id!r}): prediction is for a different text")
