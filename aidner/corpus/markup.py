"""Inline markup for writing annotated paragraphs by hand in a text editor.

An entity is written ``[surface|LABEL]`` or ``[surface|LABEL|key]``; a key lets
relations name it: ``[["key1", "ASSISTS", "key2"], ...]``. `parse_markup`
strips the brackets and returns the schema's record with exact offsets, so
hand annotation never needs offsets counted by hand.

Example::

    >>> rec = parse_markup("[东莞市|REGION|a]帮扶[沿河县人民医院|HOSPITAL|b]。",
    ...                    [["a", "ASSISTS", "b"]], doc_id="x")
    >>> rec["text"], rec["entities"][1]["start_offset"], rec["relations"][0]["type"]
    ('东莞市帮扶沿河县人民医院。', 5, 'ASSISTS')
"""
from __future__ import annotations

from typing import Any, Sequence

from aidner.corpus.errors import CorpusError
from aidner.corpus.validate import validate_record


def parse_markup(markup: str, relations: Sequence[Sequence[str]] = (),
                 doc_id: Any = None) -> dict:
    """Turn one marked-up paragraph and its keyed relations into a validated record."""
    text_parts: list[str] = []
    entities: list[dict] = []
    keys: dict[str, int] = {}
    pos = 0          # position in markup
    out_len = 0      # length of the plain text written so far
    while pos < len(markup):
        open_at = markup.find("[", pos)
        close_at = markup.find("]", pos)
        if close_at != -1 and (open_at == -1 or close_at < open_at):
            raise CorpusError(f"']' at markup offset {close_at} closes nothing", doc_id=doc_id)
        if open_at == -1:
            text_parts.append(markup[pos:])
            break
        text_parts.append(markup[pos:open_at])
        out_len += open_at - pos
        end = markup.find("]", open_at)
        if end == -1:
            raise CorpusError(f"'[' at markup offset {open_at} is never closed", doc_id=doc_id)
        inner = markup[open_at + 1:end]
        if "[" in inner:
            raise CorpusError(f"nested '[' inside the entity at markup offset {open_at}",
                              doc_id=doc_id)
        fields = inner.split("|")
        if len(fields) not in (2, 3) or not fields[0]:
            raise CorpusError(f"entity {inner!r} at markup offset {open_at} is not "
                              f"[surface|LABEL] or [surface|LABEL|key]", doc_id=doc_id)
        surface, label = fields[0], fields[1]
        ent_id = len(entities) + 1
        entities.append({"id": ent_id, "label": label,
                         "start_offset": out_len, "end_offset": out_len + len(surface)})
        if len(fields) == 3:
            key = fields[2]
            if key in keys:
                raise CorpusError(f"entity key {key!r} is used twice", doc_id=doc_id,
                                  entity_id=ent_id)
            keys[key] = ent_id
        text_parts.append(surface)
        out_len += len(surface)
        pos = end + 1
    rel_records = []
    for rel_no, rel in enumerate(relations, start=1):
        if len(rel) != 3:
            raise CorpusError(f"relation {rel!r} is not [head_key, TYPE, tail_key]",
                              doc_id=doc_id, relation_id=rel_no)
        head, rtype, tail = rel
        for key in (head, tail):
            if key not in keys:
                raise CorpusError(f"relation names undefined entity key {key!r}",
                                  doc_id=doc_id, relation_id=rel_no)
        rel_records.append({"id": rel_no, "from_id": keys[head], "to_id": keys[tail],
                            "type": rtype})
    record = {"id": doc_id, "text": "".join(text_parts), "entities": entities,
              "relations": rel_records}
    return validate_record(record)


def read_markup_file(path: str) -> list[dict]:
    """Read a JSONL file of ``{"id", "markup", "relations", "sources"?}`` lines into records.

    Each record keeps its `sources` (addresses of public pages the facts came
    from) under ``meta``; errors name the file and line.
    """
    import json

    records = []
    with open(path, encoding="utf-8") as handle:
        for line_no, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                record = parse_markup(item["markup"], item.get("relations", []),
                                      doc_id=item.get("id"))
            except json.JSONDecodeError as exc:
                raise CorpusError(f"malformed JSON: {exc.msg}", path=path, line=line_no) from None
            except KeyError as exc:
                raise CorpusError(f"missing field {exc}", path=path, line=line_no) from None
            except CorpusError as exc:
                raise exc.located(path=path, line=line_no) from None
            if item.get("sources"):
                record["meta"] = {"sources": list(item["sources"])}
            records.append(record)
    return records


if __name__ == "__main__":  # python -m aidner.corpus.markup FILE...: check hand-written files
    import collections
    import sys

    for file_path in sys.argv[1:]:
        recs = read_markup_file(file_path)
        labels = collections.Counter(e["label"] for r in recs for e in r["entities"])
        types = collections.Counter(r_["type"] for r in recs for r_ in r["relations"])
        print(f"{file_path}: {len(recs)} paragraphs, {sum(len(r['text']) for r in recs)} chars")
        print("  entities:", dict(labels))
        print("  relations:", dict(types))
