"""Tables and files from Documents: pandas DataFrames, CSV and JSON Lines.

    to_dataframe(docs, kind="entities")      # one row per entity
    to_dataframe(docs, kind="relations")     # one row per relation
    to_dataframe(docs, kind="partnerships")  # one row per partnership of a document
    write_csv(docs, "out.csv", kind=...)     # the same rows as CSV (UTF-8, one line a row)
    write_jsonl(docs, "out.jsonl")           # one JSON document a line, with its partnerships

Normalised values (Entity.normalized) are flattened into fixed columns: ``yuan``,
``per_unit``, ``count``, ``measure``, ``counted``, ``approximate``, ``date_start``,
``date_end``, ``date_precision``, ``date_resolved``, ``region_code``, ``region_name``,
``region_level``, ``province``, ``city``, ``region_chain`` (a HOSPITAL's or ORG's
region fills the region columns); other keys become ``norm_<key>``. Lists are joined
with ``|``. Every row has ``doc_id`` and ``source`` (the file a document came from,
when the caller gives ``sources``).
"""
from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from aidner.partnerships import Partnership, document_partnerships, merge_partnerships

if TYPE_CHECKING:
    import pandas

    from aidner.document import Document, Entity

KINDS = ("entities", "relations", "partnerships")
LIST_SEP = "|"
NORM_COLUMNS = ["yuan", "per_unit", "count", "measure", "counted", "approximate", "date_start",
                "date_end", "date_precision", "date_resolved", "region_code", "region_name",
                "region_level", "province", "city", "region_chain"]
ENTITY_COLUMNS = ["doc_id", "source", "start", "end", "text", "label", "score"] + NORM_COLUMNS
RELATION_COLUMNS = (["doc_id", "source", "type", "score"]
                    + [f"{end}_{c}" for end in ("head", "tail")
                       for c in ["text", "label", "start", "end"] + NORM_COLUMNS])
PARTNERSHIP_COLUMNS = [
    "source", "doc_id", "n_docs",
    "helper", "helper_label", "helper_name", "helper_region_code", "helper_province",
    "recipient", "recipient_label", "recipient_name", "recipient_region_code",
    "recipient_province",
    "money_yuan", "money_approximate", "money_amounts", "money_per_unit",
    "staff_count", "staff", "people", "departments",
    "dates", "date_start", "date_end",
    "evidence", "evidence_spans", "score", "helper_aliases", "recipient_aliases"]

_RENAME = {"value": "count", "start": "date_start", "end": "date_end",
           "precision": "date_precision", "resolved": "date_resolved", "code": "region_code",
           "name": "region_name", "level": "region_level", "chain": "region_chain"}
_SCALAR = (str, int, float, bool, type(None))


# -- rows ------------------------------------------------------------------------------------

def normalized_columns(ent: "Entity") -> dict[str, Any]:
    """An entity's `normalized` dict flattened into the NORM_COLUMNS (plus norm_<key>)."""
    row: dict[str, Any] = {}
    norm = dict(ent.normalized or {})
    region = norm.pop("region", None)
    if isinstance(region, dict):
        norm = {**{k: v for k, v in region.items()}, **norm}
    for key, value in norm.items():
        col = _RENAME.get(key, key)
        if col not in NORM_COLUMNS:
            col = f"norm_{key}"
        row[col] = _cell(value)
    return row


def entity_rows(doc: "Document", source: str | None = None) -> list[dict[str, Any]]:
    """One row per entity of `doc`."""
    rows = []
    for ent in doc.entities:
        row = {"doc_id": doc.id, "source": source, "start": ent.start, "end": ent.end,
               "text": ent.text, "label": ent.label, "score": round(ent.score, 4)}
        row.update(normalized_columns(ent))
        rows.append(row)
    return rows


def relation_rows(doc: "Document", source: str | None = None) -> list[dict[str, Any]]:
    """One row per relation of `doc`, both ends with their normalised columns."""
    rows = []
    for rel in doc.relations:
        row: dict[str, Any] = {"doc_id": doc.id, "source": source, "type": rel.type,
                               "score": round(rel.score, 4)}
        for name, ent in (("head", rel.head), ("tail", rel.tail)):
            row.update({f"{name}_text": ent.text, f"{name}_label": ent.label,
                        f"{name}_start": ent.start, f"{name}_end": ent.end})
            row.update({f"{name}_{k}": v for k, v in normalized_columns(ent).items()})
        rows.append(row)
    return rows


def partnership_row(rec: Partnership, source: str | None = None) -> dict[str, Any]:
    """One flat row (PARTNERSHIP_COLUMNS) for a partnership record."""
    row: dict[str, Any] = {"source": source, "doc_id": _cell(rec.doc_ids if len(rec.doc_ids) > 1
                                                             else rec.doc_id),
                           "n_docs": len(rec.doc_ids)}
    for end, p in (("helper", rec.helper), ("recipient", rec.recipient)):
        row.update({end: p.text, f"{end}_label": p.label, f"{end}_name": p.name,
                    f"{end}_region_code": p.region_code, f"{end}_province": p.province,
                    f"{end}_aliases": _cell(p.aliases)})
    row.update({
        "money_yuan": rec.money_yuan, "money_approximate": rec.money_approximate,
        "money_amounts": _cell([a.text for a in rec.amounts if not a.per_unit]),
        "money_per_unit": _cell([a.text for a in rec.amounts if a.per_unit]),
        "staff_count": rec.staff_count, "staff": _cell([q.text for q in rec.staff]),
        "people": _cell(rec.people), "departments": _cell(rec.departments),
        "dates": _cell(rec.dates), "date_start": rec.date_start, "date_end": rec.date_end,
        "evidence": " | ".join(e.text for e in rec.evidence),
        "evidence_spans": _cell([f"{e.doc_id}:{e.start}-{e.end}" for e in rec.evidence]),
        "score": round(rec.score, 4)})
    return {c: row.get(c) for c in PARTNERSHIP_COLUMNS}


def _cell(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return LIST_SEP.join(str(v) for v in value)
    if isinstance(value, _SCALAR):
        return value
    return json.dumps(value, ensure_ascii=False)


def rows(docs: "Iterable[Document] | Document", kind: str = "entities",
         sources: Sequence[str | None] | None = None, merge: bool = False) -> list[dict]:
    """The rows `to_dataframe` and `write_csv` are made of (plain dicts)."""
    from aidner.document import Document

    if kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r}: use one of {', '.join(KINDS)}")
    docs = [docs] if isinstance(docs, Document) else list(docs)
    sources = list(sources) if sources is not None else [None] * len(docs)
    if len(sources) != len(docs):
        raise ValueError(f"{len(sources)} sources for {len(docs)} documents")
    if kind == "partnerships" and merge:
        by_id = {d.id: s for d, s in zip(docs, sources)}
        out = []
        for rec in merge_partnerships(docs):
            srcs = [by_id.get(i) for i in rec.doc_ids if by_id.get(i) is not None]
            out.append(partnership_row(rec, _cell(srcs) if srcs else None))
        return out
    out = []
    for doc, source in zip(docs, sources):
        if kind == "entities":
            out += entity_rows(doc, source)
        elif kind == "relations":
            out += relation_rows(doc, source)
        else:
            out += [partnership_row(rec, source) for rec in document_partnerships(doc)]
    return out


def columns(kind: str, row_list: Iterable[dict] = ()) -> list[str]:
    """The fixed columns of `kind`, then any extra (norm_<key>) columns found in `row_list`."""
    base = {"entities": ENTITY_COLUMNS, "relations": RELATION_COLUMNS,
            "partnerships": PARTNERSHIP_COLUMNS}[kind]
    extra = [k for r in row_list for k in r if k not in base]
    return base + list(dict.fromkeys(extra))


# -- DataFrame and files -----------------------------------------------------------------

def to_dataframe(docs: "Iterable[Document] | Document", kind: str = "entities",
                 sources: Sequence[str | None] | None = None,
                 merge: bool = False) -> "pandas.DataFrame":
    """A DataFrame with one row per entity, relation or partnership of `docs`.

    kind: "entities", "relations" or "partnerships". For partnerships, `merge=True`
    merges records across documents (aidner.partnerships) instead of one per document.
    `sources`, parallel to `docs`, fills the `source` column.
    """
    import pandas as pd

    row_list = rows(docs, kind, sources, merge)
    return pd.DataFrame(row_list, columns=columns(kind, row_list))


def csv_header(cols: Sequence[str]) -> str:
    """The CSV header line (with its newline)."""
    return csv_line(dict(zip(cols, cols)), cols)


def csv_line(row: dict, cols: Sequence[str]) -> str:
    """One row as exactly one CSV line: newlines inside values become spaces."""
    buf = io.StringIO()
    values = ["" if row.get(c) is None else row.get(c) for c in cols]
    values = [v.replace("\r", " ").replace("\n", " ") if isinstance(v, str) else v
              for v in values]
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def write_csv(docs: "Iterable[Document] | Document", path: str, kind: str = "partnerships",
              sources: Sequence[str | None] | None = None, merge: bool = False) -> int:
    """Write `rows(docs, kind)` as UTF-8 CSV with a header; returns the number of rows."""
    row_list = rows(docs, kind, sources, merge)
    cols = columns(kind, row_list)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write(csv_header(cols))
        for row in row_list:
            handle.write(csv_line(row, cols))
    return len(row_list)


def jsonl_record(doc: "Document", source: str | None = None) -> dict:
    """`doc.to_dict()` plus its `source` and its partnership records."""
    record = doc.to_dict()
    record["source"] = source
    record["partnerships"] = [rec.to_dict() for rec in document_partnerships(doc)]
    return record


def jsonl_line(doc: "Document", source: str | None = None) -> str:
    """`jsonl_record` as one line of JSON with its newline."""
    return json.dumps(jsonl_record(doc, source), ensure_ascii=False) + "\n"


def write_jsonl(docs: "Iterable[Document] | Document", path: str,
                sources: Sequence[str | None] | None = None) -> int:
    """Write one JSON document per line (see `jsonl_record`); returns the number written."""
    from aidner.document import Document

    docs = [docs] if isinstance(docs, Document) else list(docs)
    sources = list(sources) if sources is not None else [None] * len(docs)
    with open(path, "w", encoding="utf-8") as handle:
        for doc, source in zip(docs, sources):
            handle.write(jsonl_line(doc, source))
    return len(docs)


def report_lines(docs: Sequence["Document"], source: str | None, fmt: str) -> str:
    """The lines one report adds to `aidner extract`'s output: a JSON document per
    Document (jsonl) or a CSV row per partnership (csv, PARTNERSHIP_COLUMNS, no header)."""
    if fmt == "jsonl":
        return "".join(jsonl_line(doc, source) for doc in docs)
    return "".join(csv_line(row, PARTNERSHIP_COLUMNS)
                   for row in rows(docs, "partnerships", [source] * len(docs)))


# -- resumable output files (aidner extract --out) -------------------------------------------

class ResumableOutput:
    """An output file that a rerun continues: rows are appended per report, each report's
    rows in one write of complete lines, then the report's source is appended to the
    sidecar ``OUT.done`` (one source a line; reports without any row are listed there too).

    On opening an existing file, a half-written last line (a crash mid-write) is dropped
    with a warning, and so are rows of reports missing from OUT.done (interrupted between
    the two writes); `done` holds the sources to skip. Without OUT.done (a file written
    otherwise), every source that has rows counts as done.
    """

    def __init__(self, path: str, fmt: str, overwrite: bool = False,
                 warn: Any = None) -> None:
        import os
        import sys

        if fmt not in ("jsonl", "csv"):
            raise ValueError(f"unknown format {fmt!r}: use jsonl or csv")
        self.path, self.fmt = str(path), fmt
        self.done_path = self.path + ".done"
        self._warn = warn or (lambda msg: print(f"aidner extract: warning: {msg}",
                                                file=sys.stderr))
        if overwrite:
            for p in (self.path, self.done_path):
                if os.path.exists(p):
                    os.remove(p)
        self.done: set[str] = self._recover()
        flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT
        self._fd = os.open(self.path, flags, 0o644)
        self._done_fd = os.open(self.done_path, flags, 0o644)
        if fmt == "csv" and os.fstat(self._fd).st_size == 0:
            self._write(self._fd, csv_header(PARTNERSHIP_COLUMNS))

    def add(self, docs: Sequence["Document"], source: str) -> None:
        """Append one report's rows, then mark it done."""
        text = report_lines(docs, source, self.fmt)
        if text:
            self._write(self._fd, text)
        self._write(self._done_fd, _one_line(source) + "\n")
        self.done.add(source)

    def close(self) -> None:
        """Close both files."""
        import os

        for fd in (self._fd, self._done_fd):
            os.close(fd)

    def __enter__(self) -> "ResumableOutput":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @staticmethod
    def _write(fd: int, text: str) -> None:
        import os

        data = text.encode("utf-8")
        while data:
            data = data[os.write(fd, data):]

    # -- recovery ----------------------------------------------------------------------------
    def _recover(self) -> set[str]:
        import os

        if not os.path.exists(self.path):
            if os.path.exists(self.done_path):
                os.remove(self.done_path)
            return set()
        lines, partial = _complete_lines(self.path)
        if partial:
            self._warn(f"{self.path}: dropped a half-written last line ({len(partial)} bytes) "
                       f"left by an interrupted run")
        header = None
        if self.fmt == "csv" and lines:
            header, lines = lines[0], lines[1:]
            if header != csv_header(PARTNERSHIP_COLUMNS):
                raise SystemExit(f"aidner extract: {self.path} has other columns than this "
                                 f"version writes; use --overwrite or another --out")
        sources = [self._source_of(line) for line in lines]
        if lines and all(s is None for s in sources):
            raise SystemExit(f"aidner extract: {self.path} was not written by a resumable "
                             f"'aidner extract --out --format {self.fmt}' run (no source in "
                             f"its rows); use --overwrite or another --out")
        bad = sum(s is None for s in sources)
        if bad:
            self._warn(f"{self.path}: dropped {bad} unreadable line(s)")
        if os.path.exists(self.done_path):
            done_lines, _ = _complete_lines(self.done_path)
            done = {line.rstrip("\n") for line in done_lines}
        else:
            done = {s for s in sources if s is not None}
        keep = [line for line, s in zip(lines, sources) if s is not None and s in done]
        unfinished = {s for s in sources if s is not None and s not in done}
        if unfinished:
            self._warn(f"{self.path}: dropped the rows of {len(unfinished)} unfinished "
                       f"report(s), which will be redone: {', '.join(sorted(unfinished)[:3])}")
        if partial or bad or unfinished:
            tmp = self.path + ".tmp"
            with open(tmp, "w", encoding="utf-8", newline="") as handle:
                handle.write((header or "") + "".join(keep))
            os.replace(tmp, self.path)
        with open(self.done_path, "w", encoding="utf-8") as handle:
            handle.write("".join(f"{_one_line(s)}\n" for s in sorted(done)))
        return done

    def _source_of(self, line: str) -> str | None:
        try:
            if self.fmt == "jsonl":
                source = json.loads(line).get("source")
            else:
                source = next(csv.reader([line]))[0]
        except (ValueError, IndexError, AttributeError, StopIteration):
            return None
        return source if isinstance(source, str) and source else None


def _complete_lines(path: str) -> tuple[list[str], bytes]:
    """The complete (newline-ended) lines of a UTF-8 file, and the bytes of a half line."""
    with open(path, "rb") as handle:
        data = handle.read()
    cut = data.rfind(b"\n") + 1
    text = data[:cut].decode("utf-8", errors="replace")
    return [line + "\n" for line in text[:-1].split("\n")] if text else [], data[cut:]


def _one_line(source: str) -> str:
    return source.replace("\r", " ").replace("\n", " ")
