"""Document conversions: schema dict, JSON, spaCy Doc, partnership triples."""
from __future__ import annotations

import json

import pytest

from aidner.corpus.convert import to_bio, to_dataset, to_docbin
from aidner.corpus.markup import parse_markup
from aidner.document import Document, Entity

RECORD = parse_markup(
    "[2023年5月|DATE|d]，[宁波市|REGION|h]投入[500万元|MONEY|m]帮扶[晴隆县人民医院|HOSPITAL|r]，"
    "派出[12名|COUNT|c]专家，建成[胸痛中心|DEPARTMENT|dep]。",
    [["h", "ASSISTS", "r"], ["h", "FUNDS", "m"], ["h", "SENDS", "c"], ["h", "BUILDS", "dep"]],
    doc_id="t")


def test_from_record_to_dict_round_trip():
    doc = Document.from_record(RECORD)
    out = doc.to_dict()
    assert out["text"] == RECORD["text"]
    assert [(e["label"], e["start_offset"], e["end_offset"]) for e in out["entities"]] == \
        [(e["label"], e["start_offset"], e["end_offset"]) for e in RECORD["entities"]]
    assert Document.from_record(out).relations == doc.relations
    assert json.loads(doc.to_json())["id"] == "t"


def test_triples_carry_their_facts():
    (triple,) = Document.from_record(RECORD).triples
    assert (triple.helper.text, triple.recipient.text) == ("宁波市", "晴隆县人民医院")
    assert [e.text for e in triple.money] == ["500万元"]
    assert [e.text for e in triple.staff] == ["12名"]
    assert [e.text for e in triple.departments] == ["胸痛中心"]
    assert [e.text for e in triple.dates] == ["2023年5月"]


def test_entity_must_match_text():
    with pytest.raises(ValueError, match="does not match"):
        Document("东莞市", [Entity("东莞", "REGION", 1, 3)])


def test_to_spacy_has_ents_and_relations():
    sdoc = Document.from_record(RECORD).to_spacy()
    assert [(e.text, e.label_) for e in sdoc.ents][:2] == [("2023年5月", "DATE"), ("宁波市", "REGION")]
    assert (sdoc._.relations[0][0].text, sdoc._.relations[0][1], sdoc._.relations[0][2].text) == \
        ("宁波市", "ASSISTS", "晴隆县人民医院")
    from spacy import displacy

    assert "晴隆县人民医院" in displacy.render(sdoc, style="ent")


def test_bio_dataset_docbin():
    chars, tags = to_bio(RECORD)
    assert len(chars) == len(tags) == len(RECORD["text"])
    assert tags[:8] == ["B-DATE"] + ["I-DATE"] * 6 + ["O"]
    ds = to_dataset([RECORD])
    assert ds[0]["ner_tags"] == tags and ds[0]["relations"][0]["type"] == "ASSISTS"
    import spacy

    (sdoc,) = list(to_docbin([RECORD]).get_docs(spacy.blank("xx").vocab))
    assert len(sdoc.ents) == 6 and sdoc._.relations[1][1] == "FUNDS"
