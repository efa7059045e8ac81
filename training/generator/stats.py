"""Statistics of a generated corpus: size, labels, relations, distinct names, provinces."""
from __future__ import annotations

from collections import Counter

from aidner.schema import ENTITY_LABELS, RELATION_TYPES

from training.generator.regions import Gazetteer, gazetteer


def _province_of(surface: str, gaz: Gazetteer, index: dict[str, str]) -> str | None:
    """The province a REGION surface names (longest known name or short form inside it)."""
    best = None
    for length in range(min(len(surface), 12), 1, -1):
        for start in range(0, len(surface) - length + 1):
            province = index.get(surface[start:start + length])
            if province:
                return province
    return best


def _province_index(gaz: Gazetteer) -> dict[str, str]:
    index: dict[str, str] = {}
    for place in gaz.places:
        for form in place.forms():
            if len(form) >= 2:
                index.setdefault(form, place.province)
    return index


def corpus_stats(records: list[dict]) -> dict:
    """Counts the generator's size targets are stated in."""
    labels: Counter = Counter()
    rels: Counter = Counter()
    surfaces: dict[str, set[str]] = {label: set() for label in ENTITY_LABELS}
    chars = 0
    lengths = []
    for rec in records:
        text = rec["text"]
        chars += len(text)
        lengths.append(len(text))
        for ent in rec["entities"]:
            labels[ent["label"]] += 1
            surfaces[ent["label"]].add(text[ent["start_offset"]:ent["end_offset"]])
        for rel in rec["relations"]:
            rels[rel["type"]] += 1
    gaz = gazetteer()
    index = _province_index(gaz)
    provinces = Counter()
    for surface in surfaces["REGION"]:
        province = _province_of(surface, gaz, index)
        if province:
            provinces[province] += 1
    lengths.sort()
    return {
        "paragraphs": len(records),
        "characters": chars,
        "mean_length": round(chars / max(1, len(records)), 1),
        "median_length": lengths[len(lengths) // 2] if lengths else 0,
        "min_length": lengths[0] if lengths else 0,
        "max_length": lengths[-1] if lengths else 0,
        "entities": {label: labels[label] for label in ENTITY_LABELS},
        "relations": {rtype: rels[rtype] for rtype in RELATION_TYPES},
        "distinct_hospitals": len(surfaces["HOSPITAL"]),
        "distinct_regions": len(surfaces["REGION"]),
        "distinct_orgs": len(surfaces["ORG"]),
        "distinct_persons": len(surfaces["PERSON"]),
        "region_provinces": len(provinces),
        "paragraphs_without_entities": sum(1 for r in records if not r["entities"]),
        "paragraphs_without_relations": sum(1 for r in records if not r["relations"]),
    }


def format_stats(stats: dict) -> str:
    """A readable multi-line report of `corpus_stats`."""
    lines = [
        f"paragraphs {stats['paragraphs']}, characters {stats['characters']}, "
        f"mean length {stats['mean_length']} (median {stats['median_length']}, "
        f"min {stats['min_length']}, max {stats['max_length']})",
        "entities:  " + ", ".join(f"{k} {v}" for k, v in stats["entities"].items()),
        "relations: " + ", ".join(f"{k} {v}" for k, v in stats["relations"].items()),
        f"distinct: hospitals {stats['distinct_hospitals']}, regions {stats['distinct_regions']} "
        f"(from {stats['region_provinces']} provinces), orgs {stats['distinct_orgs']}, "
        f"persons {stats['distinct_persons']}",
        f"paragraphs without entities {stats['paragraphs_without_entities']}, "
        f"without relations {stats['paragraphs_without_relations']}",
    ]
    return "\n".join(lines)
