"""The objects `aidner.extract` returns: entities, relations, partnership triples.

`Document` is what every model produces and every exporter and scorer reads;
`Document.from_record` and `Document.to_dict` convert from and to the schema's
JSONL shape, so gold files and predictions are the same kind of object.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterable

from aidner.schema import ENTITY_LABELS, RELATION_TYPES


@dataclass(frozen=True)
class Entity:
    """A labelled character span: ``doc.text[start:end] == text``."""

    text: str
    label: str
    start: int
    end: int
    score: float = 1.0
    normalized: dict | None = field(default=None, compare=False, hash=False)

    def to_dict(self) -> dict:
        out = {"text": self.text, "label": self.label, "start": self.start, "end": self.end,
               "score": round(self.score, 4)}
        if self.normalized is not None:
            out["normalized"] = self.normalized
        return out


@dataclass(frozen=True)
class Relation:
    """A directed, typed link between two entities of one document."""

    head: Entity
    tail: Entity
    type: str
    score: float = 1.0

    def as_strings(self) -> tuple[str, str, str]:
        """(head text, type, tail text): the key of document-level triple scoring."""
        return (self.head.text, self.type, self.tail.text)


@dataclass(frozen=True)
class Triple:
    """A partnership: `helper` ASSISTS `recipient`, with the facts that belong to it."""

    helper: Entity
    recipient: Entity
    score: float = 1.0
    money: tuple[Entity, ...] = ()
    staff: tuple[Entity, ...] = ()
    departments: tuple[Entity, ...] = ()
    dates: tuple[Entity, ...] = ()

    def to_dict(self) -> dict:
        return {
            "helper": self.helper.to_dict(), "type": "ASSISTS",
            "recipient": self.recipient.to_dict(), "score": round(self.score, 4),
            "money": [e.to_dict() for e in self.money],
            "staff": [e.to_dict() for e in self.staff],
            "departments": [e.to_dict() for e in self.departments],
            "dates": [e.to_dict() for e in self.dates],
        }


@dataclass
class Document:
    """One text with its entities (sorted by offset) and relations."""

    text: str
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    id: Any = None

    def __post_init__(self) -> None:
        self.entities = sorted(self.entities, key=lambda e: (e.start, e.end))
        for ent in self.entities:
            if self.text[ent.start:ent.end] != ent.text:
                raise ValueError(f"entity {ent.text!r} does not match text[{ent.start}:{ent.end}]"
                                 f" = {self.text[ent.start:ent.end]!r}")

    @property
    def triples(self) -> list[Triple]:
        """Partnership triples: ASSISTS relations with their money, staff, departments, dates."""
        from aidner.records import partnership_triples

        return partnership_triples(self)

    @property
    def partnerships(self) -> list:
        """Partnership records (aidner.partnerships.Partnership), one per helper-recipient pair."""
        from aidner.partnerships import document_partnerships

        return document_partnerships(self)

    # -- conversion -----------------------------------------------------------------------
    @classmethod
    def from_record(cls, record: dict) -> "Document":
        """A Document from a schema record (a validated JSONL line)."""
        text = record["text"]
        by_id = {}
        for ent in record.get("entities", []):
            s, e = ent["start_offset"], ent["end_offset"]
            by_id[ent["id"]] = Entity(text[s:e], ent["label"], s, e)
        relations = [Relation(by_id[r["from_id"]], by_id[r["to_id"]], r["type"])
                     for r in record.get("relations", [])]
        return cls(text=text, entities=list(by_id.values()), relations=relations,
                   id=record.get("id"))

    def to_dict(self) -> dict:
        """The schema's JSONL record (doccano relation export), plus scores and triples."""
        index = {ent: i + 1 for i, ent in enumerate(self.entities)}
        entities = []
        for ent, ent_id in index.items():
            item = {"id": ent_id, "label": ent.label, "start_offset": ent.start,
                    "end_offset": ent.end, "text": ent.text, "score": round(ent.score, 4)}
            if ent.normalized is not None:
                item["normalized"] = ent.normalized
            entities.append(item)
        relations = [{"id": i + 1, "from_id": index[r.head], "to_id": index[r.tail],
                      "type": r.type, "score": round(r.score, 4)}
                     for i, r in enumerate(self.relations)]
        return {"id": self.id, "text": self.text, "entities": entities, "relations": relations,
                "triples": [t.to_dict() for t in self.triples]}

    def to_json(self) -> str:
        """`to_dict` as one line of JSON (non-ASCII kept readable)."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    def to_spacy(self, nlp: Any = None):
        """A spaCy `Doc` with one token per character and our labels on `doc.ents`.

        Relations are on the `doc._.relations` extension as (head Span, type, tail Span);
        they are stored as character offsets in `doc.user_data`, so the Doc serialises
        (DocBin) with them. `displacy.render(doc, style="ent")` shows the entities.
        """
        from spacy.tokens import Doc as SpacyDoc

        if nlp is None:
            nlp = _blank_pipeline()
        if not SpacyDoc.has_extension("relations"):
            SpacyDoc.set_extension("relations", getter=_spacy_relations)
        sdoc = SpacyDoc(nlp.vocab, words=list(self.text), spaces=[False] * len(self.text))
        sdoc.ents = [sdoc.char_span(e.start, e.end, label=e.label) for e in self.entities]
        sdoc.user_data[_RELATIONS_KEY] = [(r.head.start, r.head.end, r.type, r.tail.start, r.tail.end)
                                          for r in self.relations]
        return sdoc

    def __repr__(self) -> str:
        return (f"Document(id={self.id!r}, chars={len(self.text)}, entities={len(self.entities)}, "
                f"relations={len(self.relations)})")


_BLANK = None
_RELATIONS_KEY = "aidner_relations"


def _blank_pipeline():
    """A blank multi-language spaCy pipeline, made once (its vocab is shared by our Docs)."""
    global _BLANK
    if _BLANK is None:
        import spacy

        _BLANK = spacy.blank("xx")
    return _BLANK


def _spacy_relations(sdoc) -> list:
    """Getter of the `relations` extension: character offsets -> (Span, type, Span)."""
    return [(sdoc.char_span(hs, he), rtype, sdoc.char_span(ts, te))
            for hs, he, rtype, ts, te in sdoc.user_data.get(_RELATIONS_KEY, [])]


def check_labels(entities: Iterable[Entity], relations: Iterable[Relation]) -> None:
    """Raise ValueError on a label or relation type outside the schema (a model bug)."""
    for ent in entities:
        if ent.label not in ENTITY_LABELS:
            raise ValueError(f"model produced unknown label {ent.label!r}")
    for rel in relations:
        if rel.type not in RELATION_TYPES:
            raise ValueError(f"model produced unknown relation type {rel.type!r}")
