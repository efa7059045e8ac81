"""Checks one annotated record against ../shared/SCHEMA.md.

Accepts the doccano relation export (`entities` / `relations` with
`start_offset`, `end_offset`, `from_id`, `to_id`, `type`) and Label Studio's
doccano-compatible export, which is the same shape.
"""
from __future__ import annotations

from typing import Any

from aidner.corpus.errors import CorpusError
from aidner.schema import ENTITY_LABELS, RELATION_RULES, relation_allowed
from aidner.spans import trim



def validate_record(record: Any) -> dict:
    """Return `record` unchanged if it follows the schema, else raise CorpusError."""
    if not isinstance(record, dict):
        raise CorpusError(f"expected a JSON object, got {type(record).__name__}")
    doc_id = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        raise CorpusError("field 'text' is missing or not a string", doc_id=doc_id)
    entities = record.get("entities", [])
    relations = record.get("relations", [])
    if not isinstance(entities, list):
        raise CorpusError("field 'entities' is not a list", doc_id=doc_id)
    if not isinstance(relations, list):
        raise CorpusError("field 'relations' is not a list", doc_id=doc_id)

    by_id: dict[Any, dict] = {}
    for ent in entities:
        _check_entity(ent, text, doc_id)
        if ent["id"] in by_id:
            raise CorpusError("duplicate entity id", doc_id=doc_id, entity_id=ent["id"])
        by_id[ent["id"]] = ent
    _check_overlaps(list(by_id.values()), text, doc_id)

    seen_rel_ids: set = set()
    for rel in relations:
        _check_relation(rel, by_id, doc_id, seen_rel_ids)
    return record


def _check_entity(ent: Any, text: str, doc_id: Any) -> None:
    if not isinstance(ent, dict):
        raise CorpusError("an entity is not a JSON object", doc_id=doc_id)
    ent_id = ent.get("id")
    for key in ("id", "label", "start_offset", "end_offset"):
        if key not in ent:
            raise CorpusError(f"entity lacks field {key!r}", doc_id=doc_id, entity_id=ent_id)
    label = ent["label"]
    if label not in ENTITY_LABELS:
        raise CorpusError(f"unknown label {label!r}; allowed: {', '.join(ENTITY_LABELS)}",
                          doc_id=doc_id, entity_id=ent_id)
    start, end = ent["start_offset"], ent["end_offset"]
    if not (isinstance(start, int) and isinstance(end, int)) or isinstance(start, bool) or isinstance(end, bool):
        raise CorpusError(f"offsets must be integers, got {start!r}..{end!r}",
                          doc_id=doc_id, entity_id=ent_id)
    if not 0 <= start < end <= len(text):
        raise CorpusError(f"offsets {start}..{end} are outside the text (length {len(text)}) "
                          f"or empty", doc_id=doc_id, entity_id=ent_id)
    surface = text[start:end]
    if trim(text, start, end) != (start, end):
        raise CorpusError(f"span {surface!r} at {start}..{end} starts or ends with whitespace "
                          f"or punctuation", doc_id=doc_id, entity_id=ent_id)


def _check_overlaps(entities: list[dict], text: str, doc_id: Any) -> None:
    ordered = sorted(entities, key=lambda e: (e["start_offset"], e["end_offset"]))
    for prev, cur in zip(ordered, ordered[1:]):
        if cur["start_offset"] < prev["end_offset"]:
            raise CorpusError(
                f"span {text[cur['start_offset']:cur['end_offset']]!r} "
                f"({cur['start_offset']}..{cur['end_offset']}) overlaps entity {prev['id']!r} "
                f"{text[prev['start_offset']:prev['end_offset']]!r} "
                f"({prev['start_offset']}..{prev['end_offset']}); spans never overlap or nest",
                doc_id=doc_id, entity_id=cur["id"])


def _check_relation(rel: Any, by_id: dict, doc_id: Any, seen: set) -> None:
    if not isinstance(rel, dict):
        raise CorpusError("a relation is not a JSON object", doc_id=doc_id)
    rel_id = rel.get("id")
    for key in ("from_id", "to_id", "type"):
        if key not in rel:
            raise CorpusError(f"relation lacks field {key!r}", doc_id=doc_id, relation_id=rel_id)
    if rel_id is not None:
        if rel_id in seen:
            raise CorpusError("duplicate relation id", doc_id=doc_id, relation_id=rel_id)
        seen.add(rel_id)
    rtype = rel["type"]
    if rtype not in RELATION_RULES:
        raise CorpusError(f"unknown relation type {rtype!r}; allowed: {', '.join(RELATION_RULES)}",
                          doc_id=doc_id, relation_id=rel_id)
    for end in ("from_id", "to_id"):
        if rel[end] not in by_id:
            raise CorpusError(f"{end} {rel[end]!r} names no entity of this document",
                              doc_id=doc_id, relation_id=rel_id)
    head, tail = by_id[rel["from_id"]], by_id[rel["to_id"]]
    if not relation_allowed(rtype, head["label"], tail["label"]):
        heads, tails = RELATION_RULES[rtype]
        raise CorpusError(
            f"{rtype} cannot link {head['label']} (entity {head['id']!r}) to {tail['label']} "
            f"(entity {tail['id']!r}); it links {'/'.join(sorted(heads))} to "
            f"{'/'.join(sorted(tails))}", doc_id=doc_id, relation_id=rel_id)
