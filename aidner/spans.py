"""The schema's rule for span edges, shared by every model.

SCHEMA.md: leading and trailing whitespace and punctuation are outside spans; a
parenthesised abbreviation written right after a name belongs to it
(儿童重症监护病房(PICU)). `trim` applies that rule to a predicted span.
"""
from __future__ import annotations

EDGE_CHARS = frozenset(" \t\r\n\u3000\u00a0,，。.、;；:：!！?？\"'“”‘’《》〈〉「」『』【】[]{}·・…—-_|/\\")


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


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """(start, end) with whitespace, punctuation and unprintable characters stripped from
    both edges; a closing bracket stays when it closes an opening one inside the span."""
    def strip(ch: str) -> bool:
        return ch in EDGE_CHARS or not ch.isprintable()

    while start < end and (strip(text[start]) or text[start] in "()（）"):
        start += 1
    while end > start and (strip(text[end - 1]) or (text[end - 1] in ")）"
                                                    and not _balanced(text[start:end]))):
        end -= 1
    return start, end
