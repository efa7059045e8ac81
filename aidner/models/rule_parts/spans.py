"""Candidate spans and their resolution to non-overlapping, non-nested entities."""
from __future__ import annotations

from dataclasses import dataclass

from aidner.spans import trim

# tie-break between equally long candidates (lower wins)
PRIORITY = {"HOSPITAL": 0, "ORG": 1, "DEPARTMENT": 2, "MONEY": 3, "DATE": 4, "COUNT": 5,
            "REGION": 6, "PERSON": 7}


@dataclass(frozen=True)
class Cand:
    start: int
    end: int
    label: str
    score: float = 0.8


def resolve(text: str, cands: list[Cand]) -> list[Cand]:
    """Longest (outermost) candidate first, then label priority; drop any that overlap a kept one."""
    cleaned = []
    for c in cands:
        s, e = trim(text, c.start, c.end)
        if e > s:
            cleaned.append(Cand(s, e, c.label, c.score))
    cleaned.sort(key=lambda c: (-(c.end - c.start), PRIORITY.get(c.label, 9), c.start))
    taken = bytearray(len(text) + 1)
    kept = []
    for c in cleaned:
        if any(taken[c.start:c.end]):
            continue
        for i in range(c.start, c.end):
            taken[i] = 1
        kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept
