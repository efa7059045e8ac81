"""Candidate spans and their resolution to non-overlapping, non-nested entities."""
from __future__ import annotations

from dataclasses import dataclass

# tie-break between equally long candidates (lower wins)
PRIORITY = {"HOSPITAL": 0, "ORG": 1, "DEPARTMENT": 2, "MONEY": 3, "DATE": 4, "COUNT": 5,
            "REGION": 6, "PERSON": 7}
_TRIM = set(" \t\r\n\u3000\u00a0,，。.、;；:：!！?？\"'“”‘’《》〈〉「」『』【】[]{}·・…—-_|/\\")
_OPEN_CLOSE = {"(": ")", "（": "）"}


@dataclass(frozen=True)
class Cand:
    start: int
    end: int
    label: str
    score: float = 0.8


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip whitespace and punctuation at both ends; keep a trailing (ABC) abbreviation."""
    while start < end and (text[start] in _TRIM or text[start] in "()（）"):
        start += 1
    while end > start and (text[end - 1] in _TRIM or (text[end - 1] in ")）"
                                                      and not _balanced(text[start:end]))):
        end -= 1
    return start, end


def _balanced(s: str) -> bool:
    depth = 0
    for ch in s:
        if ch in "(（":
            depth += 1
        elif ch in ")）":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


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
