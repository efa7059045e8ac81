"""The `aidner` command: extract, evaluate, train — thin over the Python API.

    aidner extract REPORT.txt            # one JSON document per input file
    aidner extract reports.txt --lines   # one JSON document per line
    cat report.txt | aidner extract -    # standard input
    aidner extract DIR --format csv --out partnerships.csv   # resumable, one row a partnership
    aidner evaluate --data FILE.jsonl    # scores and cost (same as python -m aidner.benchmark)
    aidner train --config configs/default.cfg --train T.jsonl --valid V.jsonl --out DIR
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def _read_text(path: Path, source: str) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise SystemExit(f"aidner extract: {source}: not UTF-8 text (byte {exc.start}: "
                         f"{exc.reason}); convert it to UTF-8 first") from None


def _reports(inputs: list[str]) -> list[tuple[str, str, bool]]:
    """(source, document id, found in a directory) of every report, in order, once each.

    A directory stands for its .txt files, recursively, sorted by path; their ids are
    their paths inside it. The source is the path as given (``dir/sub/a.txt``)."""
    out: dict[str, tuple[str, str, bool]] = {}
    for item in inputs:
        path = Path(item)
        if item == "-":
            out.setdefault("-", ("-", "stdin", False))
        elif path.is_dir():
            for found in sorted((p for p in path.rglob("*.txt") if p.is_file()),
                                key=lambda p: p.relative_to(path).parts):
                source = found.as_posix()
                out.setdefault(source, (source, found.relative_to(path).as_posix(), True))
        elif path.is_file():
            out.setdefault(item, (item, path.name, False))
        else:
            raise SystemExit(f"aidner extract: {item}: no such file or directory")
    return list(out.values())


def _texts(source: str, name: str, lines: bool) -> list[tuple[str, str]]:
    """(id, text) pairs of one report, whole or line by line (every line kept)."""
    content = sys.stdin.read() if source == "-" else _read_text(Path(source), source)
    if not lines:
        return [(name, content)]
    return [(f"{name}:{n}", line.rstrip("\r"))
            for n, line in enumerate(content.split("\n"), start=1) if n > 1 or line]


def _extract_report(texts: list[tuple[str, str]], model, batch_size: int) -> list:
    from aidner.api import extract_batch

    docs = []
    for i in range(0, len(texts), batch_size):
        chunk = texts[i:i + batch_size]
        for (doc_id, _), doc in zip(chunk, extract_batch([t for _, t in chunk], model=model)):
            doc.id = doc_id
            docs.append(doc)
    return docs


def cmd_extract(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from aidner.export import PARTNERSHIP_COLUMNS, ResumableOutput, csv_header, report_lines
    from aidner.models import load

    reports = _reports(args.inputs)
    if any(in_dir for _, _, in_dir in reports) and not args.out:
        raise SystemExit("aidner extract: --out FILE is required when an input is a directory")
    sink = ResumableOutput(args.out, args.format, args.overwrite) if args.out else None
    todo = [r for r in reports if sink is None or r[0] == "-" or r[0] not in sink.done]
    bar = tqdm(total=len(reports), initial=len(reports) - len(todo), unit="report",
               file=sys.stderr, disable=args.quiet or not args.out, dynamic_ncols=True)
    failed = 0
    if sink is None and args.format == "csv":
        sys.stdout.write(csv_header(PARTNERSHIP_COLUMNS))
    try:
        model = load(args.model) if todo else None
        for source, name, in_dir in todo:
            try:
                texts = _texts(source, name, args.lines)
            except SystemExit as exc:
                if not in_dir:
                    raise
                bar.write(f"{exc} (skipped; a rerun tries it again)", file=sys.stderr)
                failed += 1
                continue
            docs = _extract_report(texts, model, args.batch_size)
            if sink is not None:
                sink.add(docs, source)
            else:
                sys.stdout.write(report_lines(docs, source, args.format))
                sys.stdout.flush()
            bar.update(1)
    except KeyboardInterrupt:
        print("aidner extract: interrupted; rerun the same command to resume", file=sys.stderr)
        return 130
    finally:
        bar.close()
        if sink is not None:
            sink.close()
    return 1 if failed else 0


def cmd_train(args: argparse.Namespace) -> int:
    from training.train import train

    result = train(args.config, args.train, args.valid, args.out, dev_path=args.dev,
                   init=args.init, progress=not args.no_progress)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="aidner", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)

    ext = sub.add_parser(
        "extract", help="extract entities, relations and partnerships as JSONL or CSV",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Read UTF-8 text reports and write one JSON document per report (or\n"
                    "per line with --lines) in SCHEMA.md's shape, plus scores, partnership\n"
                    "triples and partnership records; or, with --format csv, one CSV row per\n"
                    "partnership (helper, recipient, money, staff, departments, dates,\n"
                    "evidence; the columns of aidner.to_dataframe(docs, 'partnerships')).",
        epilog="Directories are read recursively (*.txt, sorted by path) and need --out.\n"
               "Every row records its report's path as given in the 'source' field/column.\n"
               "\n"
               "Resuming: with --out, each report's rows are appended in one write and the\n"
               "report's source is then appended to the sidecar file OUT.done (one path a\n"
               "line; reports without any partnership are listed there too). Rerunning the\n"
               "same command skips the reports listed in OUT.done; a half-written last line\n"
               "and the rows of a report missing from OUT.done (an interrupted run) are\n"
               "dropped with a warning and that report is redone. --overwrite starts afresh.")
    ext.add_argument("inputs", nargs="+",
                     help="text files, directories of .txt reports, or - for standard input")
    ext.add_argument("--lines", action="store_true", help="one document per line")
    ext.add_argument("--model", default=None, help="default, rules, lac, or a model folder")
    ext.add_argument("--format", choices=("jsonl", "csv"), default="jsonl",
                     help="jsonl: one JSON document per report (default); csv: one row per "
                          "partnership")
    ext.add_argument("--out", default=None,
                     help="write here instead of standard output (required for directories); "
                          "an existing file is resumed, see below")
    ext.add_argument("--overwrite", action="store_true",
                     help="start --out afresh instead of resuming it")
    ext.add_argument("--quiet", action="store_true", help="no progress bar on standard error")
    ext.add_argument("--batch-size", type=int, default=32, help="documents per model call")
    ext.set_defaults(func=cmd_extract)

    sub.add_parser("evaluate", help="score models on an annotated file (see --help)",
                        add_help=False,
                        description="Same as python -m aidner.benchmark; run "
                                    "'aidner evaluate --help' for its options.")

    tr = sub.add_parser("train", help="train a model from annotated JSONL files",
                        description="Train the transformer NER + relation model. Files are "
                                    "doccano or Label Studio exports in SCHEMA.md's labels.")
    tr.add_argument("--config", required=True, help="a configs/*.cfg file")
    tr.add_argument("--train", required=True, help="training JSONL")
    tr.add_argument("--valid", required=True, help="validation JSONL (early stopping)")
    tr.add_argument("--out", required=True, help="output model folder")
    tr.add_argument("--dev", default=None,
                    help="score this file with the final model (measuring only, never trained on)")
    tr.add_argument("--init", default=None, help="start from this trained model folder (fine-tune)")
    tr.add_argument("--no-progress", action="store_true", help="no progress bar")
    tr.set_defaults(func=cmd_train)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv[:1] == ["evaluate"]:  # the benchmark parses its own options, --help included
        from aidner import benchmark

        return benchmark.main(argv[1:])
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
