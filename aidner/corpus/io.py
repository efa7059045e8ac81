"""Reading and writing corpus files (JSON Lines, one document per line)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Iterator

from aidner.corpus.errors import CorpusError
from aidner.corpus.formats import to_schema_record
from aidner.corpus.validate import validate_record


def _raw_records(path: str) -> Iterator[tuple[int, object]]:
    """(line number, parsed JSON) of a JSONL file, or of a JSON array (Label Studio's export)."""
    with open(path, encoding="utf-8-sig") as handle:
        head = handle.read(1)
        while head and head.isspace():
            head = handle.read(1)
        handle.seek(0)
        if head == "[":
            try:
                items = json.load(handle)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"malformed JSON: {exc.msg} at column {exc.colno}",
                                  path=path, line=exc.lineno) from None
            for i, item in enumerate(items, start=1):
                yield i, item  # "line" is the item's position in the array
            return
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                yield line_no, json.loads(line)
            except json.JSONDecodeError as exc:
                raise CorpusError(f"malformed JSON: {exc.msg} at column {exc.colno}",
                                  path=path, line=line_no) from None


def iter_jsonl(path: str | Path) -> Iterator[dict]:
    """Yield the validated records of a corpus file; raise CorpusError at the first bad line.

    The file is JSON Lines (doccano exports; blank lines are ignored) or a JSON
    array (Label Studio's JSON export); see aidner.corpus.formats for the shapes.
    """
    path = str(path)
    for line_no, raw in _raw_records(path):
        try:
            yield validate_record(to_schema_record(raw))
        except CorpusError as exc:
            raise exc.located(path=path, line=line_no) from None


def read_jsonl(path: str | Path) -> list[dict]:
    """All validated records of a JSONL file, with duplicate document ids refused."""
    records = []
    seen: dict = {}
    for line_no, record in enumerate(iter_jsonl(path), start=1):
        doc_id = record.get("id")
        if doc_id is not None:
            if doc_id in seen:
                raise CorpusError(f"duplicate document id (first seen in document {seen[doc_id]})",
                                  path=str(path), doc_id=doc_id)
            seen[doc_id] = line_no
        records.append(record)
    return records


def write_jsonl(records: Iterable[dict], path: str | Path) -> int:
    """Validate and write records, one JSON object per line; return how many were written."""
    count = 0
    with open(path, "w", encoding="utf-8") as handle:
        for record in records:
            validate_record(record)
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count
