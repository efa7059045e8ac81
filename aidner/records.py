"""Relations -> partnership triples: each ASSISTS relation with the facts that belong to it.

A FUNDS, SENDS or BUILDS relation belongs to the partnership whose helper is its
head (or, for FUNDS, whose recipient is its head: a recipient that allocates aid
money); when the helper has several partners, to the one whose recipient is
nearest in the text. A DATE belongs to the partnership whose ends share its
sentence; failing that, the nearest DATE before the relation in the paragraph.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aidner.document import Document, Entity, Triple

_SENTENCE_END = re.compile(r"[。！？!?\n]")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, the end after its final punctuation."""
    bounds, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        bounds.append((start, match.end()))
        start = match.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def _sentence_of(bounds: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(bounds):
        if s <= pos < e:
            return i
    return len(bounds) - 1


def partnership_triples(doc: "Document") -> list["Triple"]:
    """One Triple per ASSISTS relation of `doc`, with money, staff, departments and dates."""
    from aidner.document import Triple

    assists = [r for r in doc.relations if r.type == "ASSISTS"]
    if not assists:
        return []
    bounds = sentence_bounds(doc.text)
    attached: dict[int, dict[str, list["Entity"]]] = {
        i: {"FUNDS": [], "SENDS": [], "BUILDS": []} for i in range(len(assists))}
    for rel in doc.relations:
        if rel.type not in ("FUNDS", "SENDS", "BUILDS"):
            continue
        owners = [i for i, a in enumerate(assists) if a.head == rel.head
                  or (rel.type == "FUNDS" and a.tail == rel.head)]
        if owners:
            best = min(owners, key=lambda i: abs(assists[i].tail.start - rel.tail.start))
            attached[best][rel.type].append(rel.tail)
    dates = [e for e in doc.entities if e.label == "DATE"]
    triples = []
    for i, rel in enumerate(assists):
        sentences = {_sentence_of(bounds, rel.head.start), _sentence_of(bounds, rel.tail.start)}
        own_dates = [d for d in dates if _sentence_of(bounds, d.start) in sentences]
        if not own_dates:
            first = min(rel.head.start, rel.tail.start)
            before = [d for d in dates if d.end <= first]
            own_dates = before[-1:]
        triples.append(Triple(helper=rel.head, recipient=rel.tail, score=rel.score,
                              money=tuple(attached[i]["FUNDS"]), staff=tuple(attached[i]["SENDS"]),
                              departments=tuple(attached[i]["BUILDS"]), dates=tuple(own_dates)))
    return triples
