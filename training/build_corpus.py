"""Assemble corpus/train.jsonl and corpus/valid.jsonl from generated and hand-written parts.

    python -m training.generate_corpus --seed 13 --n 3000 --out corpus/generated.jsonl
    python -m training.build_corpus

Every record gets ``meta.origin`` (generated / handwritten); the split is by a
hash of the document id, so it is stable when parts grow. A hash-chosen 45% of
documents is written with half-width punctuation (，-> , and so on), as web
pages and the seed reports print it. A record that
contains a sentence of the seed reports (the dev set) is refused: the dev set
never enters training data.
"""
from __future__ import annotations

import argparse
import hashlib
import re
from pathlib import Path

from aidner.corpus.io import read_jsonl, write_jsonl
from aidner.corpus.markup import read_markup_file

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SEEDS = ROOT.parent / "shared" / "seeds"
VALID_SHARE = {"generated": 0.08, "handwritten": 0.2}
#: share of documents rewritten with half-width punctuation, as many web pages (and all
#: five seed reports) print Chinese text; the mapping is one character to one, so
#: offsets stay valid
HALF_WIDTH_SHARE = 0.45
_HALF_WIDTH = str.maketrans("，（）：；！？", ",():;!?")


def seed_sentences(seeds_dir: Path = SEEDS, min_chars: int = 10) -> list[str]:
    """Sentences (split at 。！？; and line ends) of the seed reports, at least `min_chars` long."""
    sentences = []
    for path in sorted(seeds_dir.glob("*.txt")):
        for sent in re.split(r"[。！？!?;；\n]", path.read_text("utf-8")):
            sent = sent.strip()
            if len(sent) >= min_chars:
                sentences.append(sent)
    return sentences


def check_no_seed_text(records: list[dict], sentences: list[str]) -> None:
    """Raise ValueError naming the record when any seed sentence occurs in a corpus text."""
    for rec in records:
        for sent in sentences:
            if sent in rec["text"]:
                raise ValueError(f"corpus document {rec['id']!r} contains a seed sentence: {sent!r}")


def in_valid(doc_id: str, share: float) -> bool:
    """Stable split: the id's hash decides."""
    digest = hashlib.sha1(doc_id.encode("utf-8")).digest()
    return int.from_bytes(digest[:4], "big") / 2 ** 32 < share


def half_width_punctuation(record: dict) -> dict:
    """The record with full-width ，（）：；！？ written half-width (offsets unchanged)."""
    return {**record, "text": record["text"].translate(_HALF_WIDTH)}


def load_parts(corpus_dir: Path = CORPUS) -> list[dict]:
    """Generated and hand-written records, each tagged with its origin."""
    records = []
    generated = corpus_dir / "generated.jsonl"
    for rec in read_jsonl(generated):
        rec["meta"] = {**(rec.get("meta") or {}), "origin": "generated"}
        records.append(rec)
    for path in sorted((corpus_dir / "handwritten").glob("*.markup.jsonl")):
        for rec in read_markup_file(str(path)):
            rec["meta"] = {**(rec.get("meta") or {}), "origin": "handwritten"}
            records.append(rec)
    return records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", default=str(CORPUS))
    args = parser.parse_args(argv)
    corpus_dir = Path(args.corpus)
    records = load_parts(corpus_dir)
    if SEEDS.exists():
        check_no_seed_text(records, seed_sentences())
    train, valid = [], []
    for i, rec in enumerate(records):
        if in_valid(f"{rec['id']}#half-width", HALF_WIDTH_SHARE):
            rec = records[i] = half_width_punctuation(rec)
        origin = rec["meta"]["origin"]
        (valid if in_valid(str(rec["id"]), VALID_SHARE[origin]) else train).append(rec)
    n_train = write_jsonl(train, corpus_dir / "train.jsonl")
    n_valid = write_jsonl(valid, corpus_dir / "valid.jsonl")
    print(f"train: {n_train} documents, valid: {n_valid} documents")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
