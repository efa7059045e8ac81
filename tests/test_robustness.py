"""extract never crashes on odd input, and offsets always index the original text."""
from __future__ import annotations

import pytest

import aidner
from aidner.document import Document


def _check_offsets(doc: Document, text: str) -> None:
    assert doc.text == text
    for ent in doc.entities:
        assert text[ent.start:ent.end] == ent.text
    spans = [(e.start, e.end) for e in doc.entities]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), "spans overlap"


@pytest.fixture(scope="module")
def rules():
    return aidner.load("rules")


@pytest.mark.parametrize("text", [
    "", "   \n\t ", "\u3000\u3000",
    "The hospital in Shanghai sent 20 doctors in 2023.",
    "２０２３年５月，東莞市醫療機構幫扶沿河縣人民醫院，投入資金９８５萬元。",   # full-width, traditional
    "东莞市\x00帮扶\x07沿河县人民医院\x1b，投入985万元。\ufeff",              # control characters
    "🙂医院🙂" * 10,
])
def test_odd_text_keeps_offsets(rules, text):
    _check_offsets(aidner.extract(text, model=rules), text)


def test_non_string_gets_a_clear_error(rules):
    with pytest.raises(TypeError, match="text 0 is a bytes, not a str"):
        aidner.extract("东莞市".encode("utf-8"), model=rules)
    with pytest.raises(TypeError, match="text 1 is a NoneType"):
        aidner.extract_batch(["东莞市", None], model=rules)


def test_one_megabyte_report(rules):
    paragraph = ("2023年5月，宁波市卫生健康委员会组织6家医疗机构帮扶晴隆县人民医院，"
                 "投入资金1260万元，派出专家43名。\n")
    text = paragraph * (1_000_000 // len(paragraph) + 1)
    doc = aidner.extract(text, model=rules)
    _check_offsets(doc, text)
    money = [e for e in doc.entities if e.label == "MONEY"]
    assert len(money) == text.count("1260万元")


def test_batch_matches_single(rules):
    texts = ["东莞市帮扶沿河县人民医院。", "", "投入资金500万元。"]
    batch = aidner.extract_batch(texts, model=rules)
    single = [aidner.extract(t, model=rules) for t in texts]
    assert [d.entities for d in batch] == [d.entities for d in single]
