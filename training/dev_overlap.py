"""Screen new hand-written corpus files for text shared with the dev set.

    python -m training.dev_overlap corpus/handwritten/hw-i.markup.jsonl [...] \\
        [--dev ../shared/dev/seeds.jsonl] [--n 7]

`build_corpus` refuses whole seed sentences; this finer screen lists, per paragraph,
the dev set's entity names and its n-character windows that occur in the paragraph
but nowhere in the existing corpus (train, valid, generated). What the corpus
already had is domain vocabulary; what is new and shared with dev is a leak to
rewrite. Exit status 1 when anything is listed.
"""
from __future__ import annotations

import argparse
from pathlib import Path
from typing import Iterable

from aidner.corpus.consistency import read_annotated

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DEV = ROOT.parent / "shared" / "dev" / "seeds.jsonl"
EXISTING = ("corpus/train.jsonl", "corpus/valid.jsonl", "corpus/generated.jsonl")


def windows(text: str, n: int) -> set[str]:
    return {text[i:i + n] for i in range(len(text) - n + 1)}


def dev_overlap(records: Iterable[dict], dev: list[dict], existing_text: str, n: int = 7
                ) -> dict[str, dict[str, list[str]]]:
    """{record id: {"names": [...], "windows": [...]}} for records sharing with `dev`
    something that `existing_text` does not contain."""
    names = {d["text"][e["start_offset"]:e["end_offset"]] for d in dev for e in d["entities"]}
    names = {s for s in names if len(s) >= 2 and s not in existing_text}
    grams = {g for d in dev for g in windows(d["text"], n) if g not in existing_text}
    found = {}
    for rec in records:
        hit_names = sorted(s for s in names if s in rec["text"])
        hit_grams = sorted(windows(rec["text"], n) & grams)
        if hit_names or hit_grams:
            found[str(rec["id"])] = {"names": hit_names, "windows": hit_grams}
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", help="hand-written markup or doccano JSONL files")
    parser.add_argument("--dev", default=str(DEFAULT_DEV), help="the dev set JSONL")
    parser.add_argument("--n", type=int, default=7, help="window length in characters")
    args = parser.parse_args(argv)
    dev = read_annotated(args.dev)
    new_ids = set()
    records = []
    for path in args.files:
        for rec in read_annotated(path):
            records.append(rec)
            new_ids.add(str(rec["id"]))
    existing = []
    for path in EXISTING:
        full = ROOT / path
        if full.exists():
            existing += [r["text"] for r in read_annotated(str(full)) if str(r["id"]) not in new_ids]
    found = dev_overlap(records, dev, "\n".join(existing), args.n)
    for doc_id, hit in found.items():
        print(f"{doc_id}\tnames: {', '.join(hit['names']) or '-'}\twindows: {', '.join(hit['windows'])}")
    print(f"{len(found)} of {len(records)} paragraphs share new text with the dev set")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())
