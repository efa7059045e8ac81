"""The rule baseline's predictions as input features of the trained model (stacking).

The rules (without lac, so they cost almost nothing) tag each character and
propose typed pairs; the transformer reads these hints next to the text and
learns when to trust them and when to overrule them. Tag ids follow the NER
head's order: 0 = O, 1 + 2*i = B-label_i, 2 + 2*i = I-label_i (labels in
`ENTITY_LABELS` order); relation ids index `RELATION_TYPES`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from aidner.document import Document
from aidner.schema import ENTITY_LABELS, RELATION_TYPES

_LABEL = {label: i for i, label in enumerate(ENTITY_LABELS)}
_REL = {rtype: i for i, rtype in enumerate(RELATION_TYPES)}


@dataclass
class RuleHints:
    """Per-character tag ids and (head span, tail span) -> relation id of one text."""

    tags: np.ndarray
    relations: dict[tuple[int, int, int, int], int] = field(default_factory=dict)

    def window(self, start: int, end: int) -> "RuleHints":
        """The hints of text[start:end], offsets made relative to `start`."""
        rels = {(hs - start, he - start, ts - start, te - start): r
                for (hs, he, ts, te), r in self.relations.items()
                if start <= hs and he <= end and start <= ts and te <= end}
        return RuleHints(self.tags[start:end], rels)


def hints_from_document(doc: Document) -> RuleHints:
    """Encode a predicted Document as hints."""
    tags = np.zeros(len(doc.text), dtype=np.int64)
    for ent in doc.entities:
        b = 1 + 2 * _LABEL[ent.label]
        tags[ent.start] = b
        tags[ent.start + 1:ent.end] = b + 1
    rels = {(r.head.start, r.head.end, r.tail.start, r.tail.end): _REL[r.type] for r in doc.relations}
    return RuleHints(tags, rels)


class RuleHinter:
    """Runs the rule baseline (lac off) and returns its hints for each text."""

    def __init__(self) -> None:
        from aidner.models.rules import RuleModel

        self.rules = RuleModel(use_lac=False)

    def __call__(self, texts: Sequence[str]) -> list[RuleHints]:
        return [hints_from_document(doc) for doc in self.rules.predict(list(texts))]
