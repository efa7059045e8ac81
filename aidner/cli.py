"""The `aidner` command: extract, evaluate, train — thin over the Python API.

    aidner extract REPORT.txt            # one JSON document per input file
    aidner extract reports.txt --lines   # one JSON document per line
    cat report.txt | aidner extract -    # standard input
    aidner evaluate --data FILE.jsonl    # scores and cost (same as python -m aidner.benchmark)
    aidner train --config configs/default.cfg --train T.jsonl --valid V.jsonl --out DIR
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Iterator


def _read_inputs(source: str, lines: bool) -> Iterator[tuple[str, str]]:
    """(id, text) pairs from a file or stdin, whole or line by line (every line kept)."""
    if source == "-":
        name, content = "stdin", sys.stdin.read()
    else:
        path = Path(source)
        if not path.is_file():
            raise SystemExit(f"aidner extract: {source}: no such file")
        try:
            content = path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SystemExit(f"aidner extract: {source}: not UTF-8 text (byte {exc.start}: "
                             f"{exc.reason}); convert it to UTF-8 first") from None
        name = path.name
    if not lines:
        yield name, content
        return
    for line_no, line in enumerate(content.split("\n"), start=1):
        if line_no > 1 or line:
            yield f"{name}:{line_no}", line.rstrip("\r")


def cmd_extract(args: argparse.Namespace) -> int:
    from aidner.api import extract_batch
    from aidner.models import load

    model = load(args.model)
    out = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout
    try:
        batch: list[tuple[str, str]] = []
        for source in args.inputs:
            for item in _read_inputs(source, args.lines):
                batch.append(item)
                if len(batch) >= args.batch_size:
                    _write(batch, extract_batch([t for _, t in batch], model=model), out)
                    batch = []
        if batch:
            _write(batch, extract_batch([t for _, t in batch], model=model), out)
    finally:
        if args.out:
            out.close()
    return 0


def _write(batch, docs, out) -> None:
    for (doc_id, _), doc in zip(batch, docs):
        doc.id = doc_id
        out.write(json.dumps(doc.to_dict(), ensure_ascii=False) + "\n")


def cmd_evaluate(args: argparse.Namespace) -> int:
    from aidner import benchmark

    return benchmark.main(args.rest)


def cmd_train(args: argparse.Namespace) -> int:
    from training.train import train

    train(args.config, args.train, args.valid, args.out, dev_path=args.dev, init=args.init)
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aidner", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser("extract", help="extract entities, relations and triples as JSONL",
                         description="Read UTF-8 text reports and write one JSON document per "
                                     "report (or per line with --lines) in SCHEMA.md's shape, "
                                     "plus scores and partnership triples.")
    ext.add_argument("inputs", nargs="+", help="text files, or - for standard input")
    ext.add_argument("--lines", action="store_true", help="one document per line")
    ext.add_argument("--model", default=None, help="default, rules, lac, or a model folder")
    ext.add_argument("--out", default=None, help="write JSONL here instead of standard output")
    ext.add_argument("--batch-size", type=int, default=32, help="documents per model call")
    ext.set_defaults(func=cmd_extract)

    ev = sub.add_parser("evaluate", help="score models on an annotated file (see --help)",
                        add_help=False,
                        description="Same as python -m aidner.benchmark; run "
                                    "'aidner evaluate --help' for its options.")
    ev.add_argument("rest", nargs=argparse.REMAINDER)
    ev.set_defaults(func=cmd_evaluate)

    tr = sub.add_parser("train", help="train a model from annotated JSONL files",
                        description="Train the transformer NER + relation model. Files are "
                                    "doccano or Label Studio exports in SCHEMA.md's labels.")
    tr.add_argument("--config", required=True, help="a configs/*.cfg file")
    tr.add_argument("--train", required=True, help="training JSONL")
    tr.add_argument("--valid", required=True, help="validation JSONL (early stopping)")
    tr.add_argument("--out", required=True, help="output model folder")
    tr.add_argument("--dev", default=None, help="score this file with the final model")
    tr.add_argument("--init", default=None, help="start from this trained model folder")
    tr.set_defaults(func=cmd_train)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
