"""Datasheet figures of annotated corpus files.

    python -m aidner.corpus.stats corpus/train.jsonl corpus/valid.jsonl [--markdown]

Counts documents, characters, mentions per label, relations per type, distinct
hospital and region names, the provinces the regions (and the place names that
open hospital names) resolve to, and the share of each origin
(``meta.origin``: generated / handwritten).
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Sequence

from aidner.gazetteer import province_of
from aidner.schema import ENTITY_LABELS, RELATION_TYPES


def _place_prefix_province(name: str) -> str | None:
    """Province of the longest place name that opens `name` (贵州省晴隆县人民医院 -> 贵州省)."""
    for end in range(min(len(name), 12), 1, -1):
        province = province_of(name[:end])
        if province:
            return province
    return None


def corpus_stats(records: Sequence[dict]) -> dict:
    """All datasheet figures for a list of schema records."""
    labels: Counter = Counter()
    types: Counter = Counter()
    surfaces: dict[str, set] = {label: set() for label in ENTITY_LABELS}
    origins_docs: Counter = Counter()
    origins_chars: Counter = Counter()
    for rec in records:
        text = rec["text"]
        origin = (rec.get("meta") or {}).get("origin", "unknown")
        origins_docs[origin] += 1
        origins_chars[origin] += len(text)
        for ent in rec["entities"]:
            labels[ent["label"]] += 1
            surfaces[ent["label"]].add(text[ent["start_offset"]:ent["end_offset"]])
        for rel in rec["relations"]:
            types[rel["type"]] += 1
    provinces: Counter = Counter()
    for region in surfaces["REGION"]:
        province = province_of(region)
        if province:
            provinces[province] += 1
    for hospital in surfaces["HOSPITAL"]:
        province = _place_prefix_province(hospital)
        if province:
            provinces[province] += 1
    return {
        "documents": len(records),
        "characters": sum(len(r["text"]) for r in records),
        "mentions": {label: labels[label] for label in ENTITY_LABELS},
        "relations": {rtype: types[rtype] for rtype in RELATION_TYPES},
        "distinct": {label: len(surfaces[label]) for label in ENTITY_LABELS},
        "provinces": dict(provinces.most_common()),
        "origin_documents": dict(origins_docs),
        "origin_characters": dict(origins_chars),
    }


def to_markdown(name_to_stats: dict[str, dict]) -> str:
    """One Markdown table with a column per named corpus part."""
    names = list(name_to_stats)
    rows = [("documents", lambda s: s["documents"]), ("characters", lambda s: s["characters"])]
    rows += [(f"mentions {label}", (lambda label: lambda s: s["mentions"][label])(label))
             for label in ENTITY_LABELS]
    rows += [(f"relations {t}", (lambda t: lambda s: s["relations"][t])(t)) for t in RELATION_TYPES]
    rows += [("distinct hospital names", lambda s: s["distinct"]["HOSPITAL"]),
             ("distinct region names", lambda s: s["distinct"]["REGION"]),
             ("provinces (regions and hospital place prefixes)", lambda s: len(s["provinces"]))]
    origins = sorted({o for s in name_to_stats.values() for o in s["origin_documents"]})
    for origin in origins:
        rows.append((f"documents {origin}", (lambda o: lambda s: s["origin_documents"].get(o, 0))(origin)))
        rows.append((f"characters {origin}", (lambda o: lambda s: s["origin_characters"].get(o, 0))(origin)))
    lines = ["| | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    for title, get in rows:
        lines.append(f"| {title} | " + " | ".join(f"{get(name_to_stats[n]):,}" for n in names) + " |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from aidner.corpus.io import read_jsonl

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args(argv)
    parts = {path: read_jsonl(path) for path in args.files}
    stats = {path: corpus_stats(recs) for path, recs in parts.items()}
    if len(parts) > 1:
        stats["all"] = corpus_stats([r for recs in parts.values() for r in recs])
    if args.markdown:
        print(to_markdown(stats))
    else:
        print(json.dumps(stats, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
