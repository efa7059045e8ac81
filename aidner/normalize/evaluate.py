"""Score value normalisation against hand-written gold values.

    python -m aidner.normalize.evaluate --data ../shared/dev/seeds.jsonl \\
        --gold corpus/normalization/dev_values.tsv \\
        [--reference-dates corpus/normalization/dev_reference_dates.tsv]

Each document's GOLD entities are normalised (Document.from_record, then
normalize_document) and compared with the gold file's values: MONEY within 0.5 yuan,
COUNT exactly, DATE start and end both equal ("NONE": unresolved), REGION code equal
("NONE": no division). Prints per label the matches, the share and the mismatches.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from aidner.document import Document
from aidner.normalize import normalize_document

LABELS = ("MONEY", "COUNT", "DATE", "REGION")


@dataclass
class GoldValue:
    """One line of the gold file."""

    doc_id: str
    start: int
    end: int
    label: str
    expected: str


@dataclass
class LabelScore:
    """Matches of one label and its mismatches (doc id, start, end, expected, got)."""

    total: int = 0
    correct: int = 0
    mismatches: list[tuple[str, int, int, str, str]] = field(default_factory=list)

    @property
    def share(self) -> float:
        """Correct / total (1.0 when there is nothing to score)."""
        return self.correct / self.total if self.total else 1.0


def read_gold(path: str | Path) -> list[GoldValue]:
    """The gold values of a TSV file (doc_id, start, end, label, expected); lines that
    start with # are comments."""
    rows = []
    with open(path, encoding="utf-8") as handle:
        lines = [line for line in handle if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        rows.append(GoldValue(row["doc_id"], int(row["start"]), int(row["end"]), row["label"],
                              row["expected"].strip()))
    return rows


def read_reference_dates(path: str | Path) -> dict[str, dt.date | int]:
    """key -> reference date (YYYY-MM-DD) or year (YYYY); # lines are comments. A key
    names a document id, or the prefix of ids that start with key + "-"."""
    out: dict[str, dt.date | int] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            if not line.strip() or line.startswith("#"):
                continue
            key, value = line.rstrip("\n").split("\t")[:2]
            if key == "key":
                continue
            value = value.strip()
            out[key.strip()] = int(value) if value.isdigit() else dt.date.fromisoformat(value)
    return out


def reference_for(doc_id: str, references: dict[str, dt.date | int]) -> dt.date | int | None:
    """The reference of a document: its own key, else the longest key it starts with + "-"."""
    if doc_id in references:
        return references[doc_id]
    best = None
    for key in references:
        if doc_id.startswith(key + "-") and (best is None or len(key) > len(best)):
            best = key
    return references[best] if best else None


def _got(label: str, value: dict | None) -> str:
    if value is None:
        return "NONE"
    if label == "MONEY":
        return repr(value.get("yuan"))
    if label == "COUNT":
        return str(value.get("value"))
    if label == "DATE":
        if not value.get("start") or not value.get("end"):
            return "NONE"
        return f"{value['start']}/{value['end']}"
    if label == "REGION":
        return value.get("code") or "NONE"
    return str(value)


def _matches(label: str, expected: str, value: dict | None) -> bool:
    if label == "MONEY":
        if expected == "NONE":
            return value is None or value.get("yuan") is None
        return value is not None and value.get("yuan") is not None \
            and abs(float(value["yuan"]) - float(expected)) <= 0.5
    if label == "COUNT":
        if expected == "NONE":
            return value is None
        return value is not None and value.get("value") == int(expected)
    return _got(label, value) == expected


def evaluate(records: Iterable[dict], gold: list[GoldValue],
             references: dict[str, dt.date | int] | None = None) -> dict[str, LabelScore]:
    """Per-label scores of normalize_document on the gold entities of `records`."""
    references = references or {}
    wanted: dict[str, list[GoldValue]] = {}
    for row in gold:
        wanted.setdefault(row.doc_id, []).append(row)
    scores = {label: LabelScore() for label in LABELS}
    seen: set[str] = set()
    for record in records:
        doc_id = str(record.get("id"))
        if doc_id not in wanted:
            continue
        seen.add(doc_id)
        doc = normalize_document(Document.from_record(record), reference_for(doc_id, references))
        spans = {(e.start, e.end, e.label): e for e in doc.entities}
        for row in wanted[doc_id]:
            score = scores.setdefault(row.label, LabelScore())
            score.total += 1
            ent = spans.get((row.start, row.end, row.label))
            value = ent.normalized if ent is not None else None
            if ent is not None and _matches(row.label, row.expected, value):
                score.correct += 1
            else:
                got = _got(row.label, value) if ent is not None else "no such gold entity"
                score.mismatches.append((doc_id, row.start, row.end, row.expected, got))
    for doc_id in set(wanted) - seen:
        for row in wanted[doc_id]:
            score = scores.setdefault(row.label, LabelScore())
            score.total += 1
            score.mismatches.append((doc_id, row.start, row.end, row.expected, "no such document"))
    return scores


def combined(scores: dict[str, LabelScore], labels: Iterable[str]) -> float:
    """The share of matches over several labels together."""
    total = sum(scores[label].total for label in labels)
    return sum(scores[label].correct for label in labels) / total if total else 1.0


def report(scores: dict[str, LabelScore]) -> str:
    """The printed report: one line per label, the combined MONEY+COUNT+DATE share, then
    every mismatch."""
    lines = [f"{'label':<8} {'correct':>7} {'total':>6} {'share':>7}"]
    for label, score in scores.items():
        lines.append(f"{label:<8} {score.correct:>7} {score.total:>6} {score.share:>7.1%}")
    lines.append(f"MONEY+COUNT+DATE together: {combined(scores, ('MONEY', 'COUNT', 'DATE')):.1%}")
    for label, score in scores.items():
        for doc_id, start, end, expected, got in score.mismatches:
            lines.append(f"  mismatch {label} {doc_id} [{start}:{end}] "
                         f"expected {expected} got {got}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command line entry point; returns the exit status (0)."""
    parser = argparse.ArgumentParser(prog="python -m aidner.normalize.evaluate",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True, help="annotated JSONL (the dev set)")
    parser.add_argument("--gold", required=True, help="gold values TSV")
    parser.add_argument("--reference-dates", help="TSV of reference dates per document")
    args = parser.parse_args(argv)
    from aidner.corpus import read_jsonl

    records = read_jsonl(args.data)
    references = read_reference_dates(args.reference_dates) if args.reference_dates else {}
    print(report(evaluate(records, read_gold(args.gold), references)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
