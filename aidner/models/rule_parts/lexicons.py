"""Word lists of general domain knowledge, one entry per line, in aidner/data/lexicons/*.txt."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

LEXICON_DIR = Path(__file__).resolve().parents[2] / "data" / "lexicons"


@lru_cache(maxsize=None)
def load(name: str) -> tuple[str, ...]:
    """Entries of `<name>.txt` (comments after '#' and blank lines skipped; whitespace
    separates several entries on one line), longest first, duplicates removed."""
    entries: list[str] = []
    seen = set()
    for line in (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        for item in line.split():
            if item not in seen:
                seen.add(item)
                entries.append(item)
    return tuple(sorted(entries, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=None)
def alternation(name: str) -> str:
    """A regex alternation of the lexicon (longest first), as a non-capturing group."""
    return "(?:" + "|".join(re.escape(e) for e in load(name)) + ")"


@lru_cache(maxsize=None)
def regex(name: str, prefix: str = "", suffix: str = "") -> re.Pattern:
    return re.compile(prefix + alternation(name) + suffix)


@lru_cache(maxsize=None)
def as_set(name: str) -> frozenset[str]:
    return frozenset(load(name))
