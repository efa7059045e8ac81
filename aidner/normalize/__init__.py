"""Value normalisation: what each MONEY, COUNT, DATE, REGION, HOSPITAL and ORG mention means.

`normalize_document(doc, reference_date)` returns a new Document whose entities carry
``normalized`` dicts (see the modules: money, count, date, region; numbers reads the
numerals they share). PERSON and DEPARTMENT get None, as does any span whose value
cannot be read; normalisation never raises on odd spans.

    >>> from aidner.document import Document, Entity
    >>> doc = Document("投入985万元。", [Entity("985万元", "MONEY", 2, 7)])
    >>> normalize_document(doc).entities[0].normalized
    {'yuan': 9850000.0, 'approximate': False, 'per_unit': None}
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt

from aidner.document import Document, Entity
from aidner.normalize.count import normalize_count
from aidner.normalize.date import (
    DateContext,
    document_day_dates,
    document_years,
    normalize_date,
)
from aidner.normalize.money import normalize_money
from aidner.normalize.region import (
    RegionContext,
    candidates,
    institution_region,
    leading_place,
    normalize_region,
)

__all__ = [
    "institution_region",
    "normalize_count",
    "normalize_date",
    "normalize_document",
    "normalize_entity",
    "normalize_money",
    "normalize_region",
]

_COUNTED_WINDOW = 30
_AID_RELATIONS = ("ASSISTS",)


def normalize_document(doc: Document, reference_date: dt.date | int | None = None) -> Document:
    """A new Document like `doc` whose entities carry their normalised values.

    `reference_date` anchors relative and year-less dates (今年, 去年, 9月7日, 今天): a
    date, or a year alone when only the year of the report is known. Without it, the
    latest year the document writes out stands in for 今年 / 去年, and the nearest year
    written before a mention for 9月7日. Relations of the new document point to the new
    entity objects. `doc` itself is not changed.
    """
    entities = list(doc.entities)
    region_ctx = _region_context(doc, entities)
    date_base = _date_base(doc.text, reference_date)
    new_entities = []
    for i, ent in enumerate(entities):
        try:
            value = normalize_entity(ent, doc.text, region_ctx, date_base, i)
        except Exception:  # noqa: BLE001 - an unreadable value is None, never an error
            value = None
        new_entities.append(dataclasses.replace(ent, normalized=value))
    by_identity = {id(old): new for old, new in zip(entities, new_entities)}
    by_value = {old: new for old, new in zip(entities, new_entities)}
    relations = []
    for rel in doc.relations:
        head = by_identity.get(id(rel.head)) or by_value.get(rel.head, rel.head)
        tail = by_identity.get(id(rel.tail)) or by_value.get(rel.tail, rel.tail)
        relations.append(dataclasses.replace(rel, head=head, tail=tail))
    return Document(text=doc.text, entities=new_entities, relations=relations, id=doc.id)


def normalize_entity(ent: Entity, text: str = "", region_context: RegionContext | None = None,
                     date_base: DateContext | _DateBase | None = None,
                     index: int = -1) -> dict | None:
    """The normalised value of one entity of a document `text` (see the module docstring).
    `region_context` and `date_base` come from the document (None: the entity alone; a
    DateContext: dates read against it);
    `index` is the entity's position in the document's entity list."""
    label = ent.label
    if label == "MONEY":
        return normalize_money(ent.text)
    if label == "COUNT":
        following = text[ent.end:ent.end + _COUNTED_WINDOW] if text else ""
        return normalize_count(ent.text, following)
    if label == "DATE":
        return normalize_date(ent.text, _date_context(date_base, ent.start))
    if label == "REGION":
        return normalize_region(ent.text, region_context, index)
    if label in ("HOSPITAL", "ORG"):
        region = institution_region(ent.text, region_context, index)
        return {"region": region} if region else None
    return None


# -- document contexts ---------------------------------------------------------------------

def _region_context(doc: Document, entities: list[Entity]) -> RegionContext:
    """The divisions the document names without ambiguity, and its aid partners."""
    ctx = RegionContext()
    for i, ent in enumerate(entities):
        if ent.label == "REGION":
            options = candidates(ent.text.replace(" ", ""))
            if not options:
                options, _ = leading_place(ent.text.replace(" ", ""))
        elif ent.label in ("HOSPITAL", "ORG"):
            options, _ = leading_place(ent.text.replace(" ", ""))
        else:
            continue
        if len(options) == 1:
            ctx.divisions.append((i, options[0]))
    position = {id(e): i for i, e in enumerate(entities)}
    value_position = {e: i for i, e in enumerate(entities)}
    for rel in doc.relations:
        if rel.type not in _AID_RELATIONS:
            continue
        head = position.get(id(rel.head), value_position.get(rel.head))
        tail = position.get(id(rel.tail), value_position.get(rel.tail))
        if head is None or tail is None:
            continue
        ctx.partners.setdefault(head, set()).add(tail)
        ctx.partners.setdefault(tail, set()).add(head)
    return ctx


@dataclasses.dataclass
class _DateBase:
    reference: dt.date | None
    reference_year: int | None
    years: list[tuple[int, int, bool]]
    offsets: list[int]
    latest_year: int | None
    day_dates: list


def _date_base(text: str, reference_date: dt.date | int | None) -> _DateBase:
    reference, reference_year = None, None
    if isinstance(reference_date, dt.datetime):
        reference_date = reference_date.date()
    if isinstance(reference_date, dt.date):
        reference, reference_year = reference_date, reference_date.year
    elif isinstance(reference_date, int) and not isinstance(reference_date, bool):
        reference_year = reference_date
    years = document_years(text)
    return _DateBase(reference, reference_year, years, [y[0] for y in years],
                     max((y[1] for y in years), default=None), document_day_dates(text))


def _date_context(base: _DateBase | DateContext | None, position: int) -> DateContext:
    if base is None:
        return DateContext(position=position)
    if isinstance(base, DateContext):
        return dataclasses.replace(base, position=position)
    anchor = None
    for k in range(bisect.bisect_left(base.offsets, position) - 1, -1, -1):
        _, year, opens = base.years[k]
        if not opens:
            anchor = year
            break
    return DateContext(reference=base.reference, reference_year=base.reference_year,
                       anchor_year=anchor, latest_year=base.latest_year,
                       day_dates=base.day_dates, position=position)
