"""Write a synthetic annotated corpus of paired-medical-aid paragraphs.

    python -m training.generate_corpus --seed 13 --n 3000 --out corpus/generated.jsonl

The output is JSON Lines in the schema's doccano relation format; the same
seed always gives the same file. Statistics are printed at the end.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from training.generator import generate
from training.generator.clauses import REGISTRY, template_count
from training.generator.compose import KINDS
from training.generator.stats import corpus_stats, format_stats


def main(argv: list[str] | None = None) -> int:
    """Generate, write and report; returns the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=13, help="random seed (default 13)")
    parser.add_argument("--n", type=int, default=3000, help="number of paragraphs (default 3000)")
    parser.add_argument("--out", default="corpus/generated.jsonl", help="output JSONL path")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    records = generate(seed=args.seed, n=args.n)
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    elapsed = time.perf_counter() - started
    print(f"wrote {len(records)} records to {out} in {elapsed:.1f}s")
    print(format_stats(corpus_stats(records)))
    print(f"variety: {template_count()} sentence templates in {len(REGISTRY)} clause builders, "
          f"{len(KINDS)} paragraph kinds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
