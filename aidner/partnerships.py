"""Partnership records: one per (helper, recipient) pair, with money, staff, departments, dates.

`document_partnerships(doc)` turns a Document's triples (aidner/records.py) into
records, merging the triples of one pair (a pair is the same when the normalised
names of both ends agree). `merge_partnerships(docs)` (also ``aidner.partnerships``)
merges records across documents, keeping every source document id and evidence.
(``aidner.partnerships`` is that function, so import this module's names with
``from aidner.partnerships import ...``.)

Values come from each Entity's ``normalized`` dict (aidner.normalize); a Document
that never went through ``aidner.extract`` (none of its entities normalised) is
normalised first. A party's region falls back to the place name that opens it
(贵州省晴隆县人民医院); anything else stays unknown (None), never guessed.
"""
from __future__ import annotations

import unicodedata
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from aidner.records import sentence_bounds

if TYPE_CHECKING:
    from aidner.document import Document, Entity, Triple


@dataclass
class Party:
    """One end of a partnership: the surface text and its normalised identity."""

    text: str
    label: str
    name: str                       # normalised name (full region name + rest of the name)
    region_code: str | None = None
    province: str | None = None
    aliases: list[str] = field(default_factory=list)   # every surface text seen

    @property
    def key(self) -> str:
        """What makes two mentions the same party: a REGION's code (else its name); for a
        HOSPITAL or ORG, its region's code (if known) and its normalised name."""
        if self.label == "REGION":
            return f"REGION:{self.region_code or self.name}"
        return f"INST:{self.region_code or ''}:{self.name}"


@dataclass
class Quantity:
    """One attached MONEY or COUNT mention: its text, value (yuan or number; None when
    unknown), flags and where it is."""

    text: str
    value: float | None
    approximate: bool
    per_unit: str | None
    doc_id: Any
    start: int
    end: int


@dataclass
class Evidence:
    """A sentence that states the partnership or one of its facts, with its offsets."""

    doc_id: Any
    start: int
    end: int
    text: str


@dataclass
class Partnership:
    """One helper -> recipient record, summed over the triples (and documents) it merges."""

    helper: Party
    recipient: Party
    money_yuan: float | None = None           # sum of `amounts` in yuan, per-unit prices excluded
    amounts: list[Quantity] = field(default_factory=list)
    staff_count: int | None = None            # sum of `staff` values (SENDS COUNT)
    staff: list[Quantity] = field(default_factory=list)
    people: list[str] = field(default_factory=list)        # SENDS PERSON
    departments: list[str] = field(default_factory=list)   # BUILDS
    dates: list[str] = field(default_factory=list)         # texts of the attached DATEs
    date_start: str | None = None             # earliest ISO start of the attached DATEs
    date_end: str | None = None               # latest ISO end
    evidence: list[Evidence] = field(default_factory=list)
    doc_ids: list[Any] = field(default_factory=list)
    score: float = 1.0

    @property
    def doc_id(self) -> Any:
        """The (first) source document id."""
        return self.doc_ids[0] if self.doc_ids else None

    @property
    def key(self) -> tuple[str, str]:
        """(helper key, recipient key): records with the same key are merged."""
        return (self.helper.key, self.recipient.key)

    @property
    def money_approximate(self) -> bool:
        """True when any summed amount is approximate (约, 余, 近, 多)."""
        return any(a.approximate for a in self.amounts if a.value is not None and not a.per_unit)

    def to_dict(self) -> dict:
        """Plain JSON-ready dict (nested)."""
        out = asdict(self)
        out["money_approximate"] = self.money_approximate
        return out


# -- building records ------------------------------------------------------------------------

def document_partnerships(doc: "Document") -> list[Partnership]:
    """Records of one Document, one per (helper, recipient) pair, in order of first mention."""
    if doc.entities and all(e.normalized is None for e in doc.entities):
        from aidner.normalize import normalize_document  # a Document that skipped extract()

        doc = normalize_document(doc)
    bounds = sentence_bounds(doc.text)
    return _merged((_from_triple(doc, triple, bounds) for triple in doc.triples), same_doc=True)


def merge_partnerships(docs: "Iterable[Document] | Document") -> list[Partnership]:
    """Records over many Documents, merged by the normalised names of both ends.

    Money and staff are summed over documents (each document's own mentions counted
    once); departments, people, dates, evidence and document ids are united.
    """
    from aidner.document import Document

    if isinstance(docs, Document):
        docs = [docs]
    return _merged((rec for doc in docs for rec in document_partnerships(doc)), same_doc=False)


def _merged(records: "Iterable[Partnership]", same_doc: bool) -> list[Partnership]:
    """Records with the same key folded into the first one, in order of first appearance."""
    merged: dict[tuple[str, str], Partnership] = {}
    for rec in records:
        if rec.key in merged:
            _absorb(merged[rec.key], rec, same_doc=same_doc)
        else:
            merged[rec.key] = rec
    for rec in merged.values():
        _finish(rec)
    return list(merged.values())


def _from_triple(doc: "Document", triple: "Triple", bounds: list[tuple[int, int]]) -> Partnership:
    rec = Partnership(helper=party(triple.helper), recipient=party(triple.recipient),
                      doc_ids=[doc.id], score=triple.score)
    for ent in triple.money:
        yuan, approx, per_unit = money_value(ent)
        rec.amounts.append(Quantity(ent.text, yuan, approx, per_unit, doc.id, ent.start, ent.end))
    for ent in triple.staff:
        if ent.label == "PERSON":
            _add_unique(rec.people, ent.text)
        else:
            approx = bool((ent.normalized or {}).get("approximate"))
            rec.staff.append(Quantity(ent.text, count_value(ent), approx, None, doc.id,
                                      ent.start, ent.end))
    rec.departments = [e.text for e in triple.departments]
    rec.dates = [e.text for e in triple.dates]
    ranges = [date_range(e) for e in triple.dates]
    starts = [s for s, _ in ranges if s]
    ends = [e for _, e in ranges if e]
    rec.date_start = min(starts) if starts else None
    rec.date_end = max(ends) if ends else None
    anchors = [triple.helper, triple.recipient, *triple.money, *triple.staff, *triple.departments]
    for i in sorted({_sentence_index(bounds, e.start) for e in anchors}):
        rec.evidence.append(_evidence(doc, bounds[i]))
    return rec


def _absorb(into: Partnership, other: Partnership, same_doc: bool) -> None:
    """Add `other`'s facts to `into` (same key). Within one document a MONEY or COUNT
    mention attached to two triples of the pair is counted once."""
    for alias in other.helper.aliases or [other.helper.text]:
        _add_unique(into.helper.aliases, alias)
    for alias in other.recipient.aliases or [other.recipient.text]:
        _add_unique(into.recipient.aliases, alias)
    for name in ("amounts", "staff"):
        mine = getattr(into, name)
        for q in getattr(other, name):
            if not (same_doc and any((m.doc_id, m.start) == (q.doc_id, q.start) for m in mine)):
                mine.append(q)
    for name in ("people", "departments", "dates", "doc_ids"):
        for item in getattr(other, name):
            _add_unique(getattr(into, name), item)
    into.date_start = _pick(min, into.date_start, other.date_start)
    into.date_end = _pick(max, into.date_end, other.date_end)
    for ev in other.evidence:
        if all((e.doc_id, e.start) != (ev.doc_id, ev.start) for e in into.evidence):
            into.evidence.append(ev)
    into.score = max(into.score, other.score)


def _finish(rec: Partnership) -> None:
    _add_unique(rec.helper.aliases, rec.helper.text)
    _add_unique(rec.recipient.aliases, rec.recipient.text)
    values = [a.value for a in rec.amounts if a.value is not None and not a.per_unit]
    rec.money_yuan = float(sum(values)) if values else None
    counts = [int(q.value) for q in rec.staff if q.value is not None]
    rec.staff_count = sum(counts) if counts else None
    rec.evidence.sort(key=lambda e: (str(e.doc_id), e.start))


def _add_unique(items: list, item: Any) -> None:
    if item not in items:
        items.append(item)


def _pick(fn, a: str | None, b: str | None) -> str | None:
    present = [x for x in (a, b) if x]
    return fn(present) if present else None


def _sentence_index(bounds: list[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(bounds):
        if s <= pos < e:
            return i
    return len(bounds) - 1


def _evidence(doc: "Document", bound: tuple[int, int]) -> Evidence:
    start, end = bound
    while start < end and doc.text[start].isspace():
        start += 1
    while end > start and doc.text[end - 1].isspace():
        end -= 1
    return Evidence(doc.id, start, end, doc.text[start:end])


# -- values of one entity (its normalized dict) ------------------------------------------

def party(ent: "Entity") -> Party:
    """A Party for a helper or recipient entity: normalised name, region code, province."""
    text = unicodedata.normalize("NFKC", ent.text).strip()
    norm = ent.normalized or {}
    region = norm if ent.label == "REGION" else norm.get("region")
    prefix, rest = _place_prefix(text)
    fallback = None if region else _resolve(prefix if ent.label != "REGION" else text)
    region = region or fallback
    code = region.get("code") if region else None
    province = region.get("province") if region else None
    if ent.label == "REGION":
        name = region.get("name") or text if region else text
    elif prefix and region and region.get("name"):
        name = region["name"] + rest
    else:
        name = text
    return Party(ent.text, ent.label, name, code, province, [ent.text])


def _place_prefix(text: str) -> tuple[str, str]:
    """Split the leading run of known place names off a name: 贵州省晴隆县人民医院 ->
    (贵州省晴隆县, 人民医院). The run must end in a full name (…省/市/县/区/州/旗/盟), so
    a short form alone (石门乡卫生院, 天津医科大学) is not split: ('', text)."""
    from aidner.gazetteer import name_index

    index = name_index()
    pos = cut = 0
    while pos < len(text):
        for end in range(len(text) - 1, pos + 1, -1):
            if text[pos:end] in index:
                pos = end
                if text[end - 1] in _ADMIN_SUFFIXES:
                    cut = end
                break
        else:
            break
    return text[:cut], text[cut:]


_ADMIN_SUFFIXES = "省市县区州旗盟"


def _resolve(surface: str) -> dict | None:
    """The one division a place string names, as a REGION normalized dict; None if unsure."""
    if not surface:
        return None
    from aidner.gazetteer import resolve

    found = resolve(surface)
    if len(found) != 1:
        return None
    div = found[0]
    return {"code": div.code, "name": div.name, "level": div.level, "province": div.province,
            "city": div.city, "chain": list(div.chain)}


def money_value(ent: "Entity") -> tuple[float | None, bool, str | None]:
    """(yuan, approximate, per_unit) of a MONEY entity."""
    norm = ent.normalized or {}
    return norm.get("yuan"), bool(norm.get("approximate")), norm.get("per_unit")


def count_value(ent: "Entity") -> int | None:
    """The number of a COUNT entity (None when unknown)."""
    value = (ent.normalized or {}).get("value")
    return int(value) if value is not None else None


def date_range(ent: "Entity") -> tuple[str | None, str | None]:
    """(ISO start, ISO end) of a DATE entity (None where unknown)."""
    norm = ent.normalized or {}
    return norm.get("start"), norm.get("end")
