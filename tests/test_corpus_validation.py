"""Every kind of bad corpus input gets an error naming file, line, document and entity."""
from __future__ import annotations

import json

import pytest

from aidner.corpus import CorpusError, read_jsonl, write_jsonl
from aidner.corpus.markup import parse_markup

GOOD = {"id": "d1", "text": "东莞市帮扶沿河县人民医院。",
        "entities": [{"id": 1, "label": "REGION", "start_offset": 0, "end_offset": 3},
                     {"id": 2, "label": "HOSPITAL", "start_offset": 5, "end_offset": 12}],
        "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "ASSISTS"}]}


def _write(tmp_path, *lines: str):
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _bad(tmp_path, record: dict) -> str:
    path = _write(tmp_path, json.dumps(GOOD, ensure_ascii=False), json.dumps(record, ensure_ascii=False))
    with pytest.raises(CorpusError) as info:
        read_jsonl(path)
    message = str(info.value)
    assert str(path) in message and "line 2" in message
    return message


def _variant(**changes) -> dict:
    record = json.loads(json.dumps(GOOD))
    record["id"] = "d2"
    for key, value in changes.items():
        record[key] = value
    return record


def test_good_file_reads_back(tmp_path):
    path = _write(tmp_path, json.dumps(GOOD, ensure_ascii=False))
    assert read_jsonl(path) == [GOOD]


def test_malformed_json(tmp_path):
    path = _write(tmp_path, json.dumps(GOOD, ensure_ascii=False), '{"id": "d2", "text": ')
    with pytest.raises(CorpusError, match=r"line 2: malformed JSON"):
        read_jsonl(path)


def test_unknown_label(tmp_path):
    ents = [dict(GOOD["entities"][0], label="CITY"), GOOD["entities"][1]]
    msg = _bad(tmp_path, _variant(entities=ents))
    assert "document 'd2'" in msg and "entity 1" in msg and "unknown label 'CITY'" in msg


def test_offsets_outside_text(tmp_path):
    ents = [GOOD["entities"][0], dict(GOOD["entities"][1], end_offset=99)]
    msg = _bad(tmp_path, _variant(entities=ents))
    assert "entity 2" in msg and "outside the text" in msg and "5..99" in msg


def test_overlapping_spans(tmp_path):
    ents = [GOOD["entities"][0], dict(GOOD["entities"][1], start_offset=2)]
    msg = _bad(tmp_path, _variant(entities=ents))
    assert "overlaps entity 1" in msg and "entity 2" in msg


def test_span_with_punctuation_edge(tmp_path):
    ents = [GOOD["entities"][0], dict(GOOD["entities"][1], end_offset=13)]
    msg = _bad(tmp_path, _variant(entities=ents))
    assert "punctuation" in msg and "entity 2" in msg


def test_relation_breaking_label_rules(tmp_path):
    rels = [{"id": 1, "from_id": 2, "to_id": 1, "type": "FUNDS"}]
    msg = _bad(tmp_path, _variant(relations=rels))
    assert "relation 1" in msg and "FUNDS cannot link HOSPITAL" in msg and "MONEY" in msg


def test_relation_to_missing_entity(tmp_path):
    rels = [{"id": 1, "from_id": 1, "to_id": 7, "type": "ASSISTS"}]
    msg = _bad(tmp_path, _variant(relations=rels))
    assert "to_id 7 names no entity" in msg


def test_unknown_relation_type(tmp_path):
    rels = [{"id": 1, "from_id": 1, "to_id": 2, "type": "HELPS"}]
    assert "unknown relation type 'HELPS'" in _bad(tmp_path, _variant(relations=rels))


def test_missing_text(tmp_path):
    record = _variant()
    del record["text"]
    assert "'text' is missing" in _bad(tmp_path, record)


def test_duplicate_document_id(tmp_path):
    path = _write(tmp_path, *[json.dumps(GOOD, ensure_ascii=False)] * 2)
    with pytest.raises(CorpusError, match="duplicate document id"):
        read_jsonl(path)


def test_write_refuses_invalid_record(tmp_path):
    with pytest.raises(CorpusError, match="unknown label"):
        write_jsonl([_variant(entities=[dict(GOOD["entities"][0], label="X")], relations=[])],
                    tmp_path / "out.jsonl")


def test_label_studio_export_is_read(tmp_path):
    task = {"id": 7, "data": {"text": GOOD["text"]}, "annotations": [{"result": [
        {"id": "a", "type": "labels", "value": {"start": 0, "end": 3, "labels": ["REGION"]}},
        {"id": "b", "type": "labels", "value": {"start": 5, "end": 12, "labels": ["HOSPITAL"]}},
        {"type": "relation", "from_id": "a", "to_id": "b", "labels": ["ASSISTS"]}]}]}
    path = tmp_path / "ls.json"
    path.write_text(json.dumps([task], ensure_ascii=False), encoding="utf-8")
    (record,) = read_jsonl(path)
    assert [(e["label"], e["start_offset"]) for e in record["entities"]] == [("REGION", 0), ("HOSPITAL", 5)]
    assert record["relations"][0]["type"] == "ASSISTS"


def test_doccano_sequence_export_is_read(tmp_path):
    line = {"id": 3, "text": GOOD["text"], "label": [[0, 3, "REGION"], [5, 12, "HOSPITAL"]]}
    path = _write(tmp_path, json.dumps(line, ensure_ascii=False))
    (record,) = read_jsonl(path)
    assert [e["end_offset"] for e in record["entities"]] == [3, 12]


def test_markup_offsets_and_errors():
    rec = parse_markup("据悉，[东莞市|REGION|a]帮扶[沿河县人民医院|HOSPITAL|b]。", [["a", "ASSISTS", "b"]])
    assert rec["text"] == "据悉，东莞市帮扶沿河县人民医院。"
    assert [rec["text"][e["start_offset"]:e["end_offset"]] for e in rec["entities"]] == ["东莞市", "沿河县人民医院"]
    with pytest.raises(CorpusError, match="never closed"):
        parse_markup("[东莞市|REGION")
    with pytest.raises(CorpusError, match="undefined entity key 'z'"):
        parse_markup("[东莞市|REGION|a]", [["a", "ASSISTS", "z"]])
