"""Long text -> overlapping windows whose predictions merge back without edge losses.

Each window owns the middle part of its overlap with its neighbours; an entity
is kept from the window that owns its start, so an entity cut by one window's
edge is still seen whole by the neighbour that owns it (as long as it is
shorter than the overlap).
"""
from __future__ import annotations

from dataclasses import dataclass

_BREAKS = "。！？；\n!?;"


@dataclass(frozen=True)
class Window:
    """text[start:end] is processed; entities starting in [own_start, own_end) are kept."""

    start: int
    end: int
    own_start: int
    own_end: int

    def owns(self, char_start: int) -> bool:
        return self.own_start <= char_start < self.own_end


def split_windows(text: str, max_chars: int, overlap: int) -> list[Window]:
    """Cover `text` with windows of at most `max_chars` characters overlapping by about
    `overlap`, preferring to cut after sentence-final punctuation."""
    if max_chars <= 0 or overlap < 0 or overlap * 2 >= max_chars:
        raise ValueError(f"need max_chars > 2 * overlap >= 0, got {max_chars=} {overlap=}")
    n = len(text)
    if n <= max_chars:
        return [Window(0, n, 0, n)]
    spans: list[tuple[int, int]] = []
    start = 0
    while True:
        end = min(start + max_chars, n)
        if end < n:
            cut = max(text.rfind(ch, start + max_chars // 2, end) for ch in _BREAKS)
            if cut != -1:
                end = cut + 1
        spans.append((start, end))
        if end >= n:
            break
        start = max(end - overlap, start + 1)
    windows = []
    for i, (s, e) in enumerate(spans):
        own_s = 0 if i == 0 else (s + spans[i - 1][1]) // 2
        own_e = n if i == len(spans) - 1 else (spans[i + 1][0] + e) // 2
        windows.append(Window(s, e, own_s, own_e))
    return windows
