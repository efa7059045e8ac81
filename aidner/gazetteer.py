"""China's administrative divisions (aidner/data/regions.tsv) and name resolution.

`regions()` is the table; `resolve(surface)` maps a REGION mention — full name,
short form (铜仁, 沿河县, 黔南州) or a chain written together (贵州省晴隆县) — to the
divisions it can mean, most specific last. The table comes from cpca (MIT) via
`python -m training.build_gazetteer`.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

REGIONS_TSV = Path(__file__).resolve().parent / "data" / "regions.tsv"


@dataclass(frozen=True)
class Division:
    """One administrative division: code, full name, level and its parents' names."""

    code: str
    name: str
    level: str          # province | city | county
    province: str
    city: str
    short_forms: tuple[str, ...]

    @property
    def chain(self) -> tuple[str, ...]:
        """Province, city, county names from the top down (without empty levels)."""
        parts = [self.province, self.city, self.name]
        return tuple(dict.fromkeys(p for p in parts if p))


@lru_cache(maxsize=1)
def regions() -> tuple[Division, ...]:
    """All divisions of the table, read once."""
    with open(REGIONS_TSV, encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return tuple(Division(r["code"], r["name"], r["level"], r["province"], r["city"],
                          tuple(f for f in r["short_forms"].split("|") if f)) for r in rows)


@lru_cache(maxsize=1)
def name_index() -> dict[str, tuple[Division, ...]]:
    """Every full name and short form -> the divisions it names."""
    index: dict[str, list[Division]] = {}
    for div in regions():
        for form in (div.name,) + div.short_forms:
            index.setdefault(form, []).append(div)
    return {k: tuple(v) for k, v in index.items()}


def resolve(surface: str) -> list[Division]:
    """Divisions a mention can mean. A chain (贵州省黔西南州晴隆县) is split greedily into
    known names from the left, and each later part must lie inside the earlier ones;
    the result then holds the most specific division alone."""
    index = name_index()
    if surface in index:
        return list(index[surface])
    parts: list[tuple[Division, ...]] = []
    pos = 0
    while pos < len(surface):
        for end in range(len(surface), pos, -1):
            if surface[pos:end] in index:
                parts.append(index[surface[pos:end]])
                pos = end
                break
        else:
            return []
    candidates = list(parts[-1])
    for outer in parts[:-1]:
        outer_codes = {d.code for d in outer}
        candidates = [d for d in candidates if _inside(d, outer_codes)]
    return candidates


def _inside(div: Division, outer_codes: set[str]) -> bool:
    prefixes = {div.code[:2] + "0000", div.code[:4] + "00", div.code}
    return bool(prefixes & outer_codes)


def province_of(surface: str) -> str | None:
    """The province a mention lies in, when all its readings agree; else None."""
    provinces = {d.province for d in resolve(surface)}
    return provinces.pop() if len(provinces) == 1 else None
