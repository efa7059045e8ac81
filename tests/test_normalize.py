"""Value normalisation (aidner.normalize): money, counts, dates, regions, institutions.

The example sentences are made up for these tests (real place names, invented facts);
the last tests score the hand-written gold values of the development set.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aidner.document import Document, Entity, Relation
from aidner.normalize import normalize_document
from aidner.normalize.count import normalize_count
from aidner.normalize.date import normalize_date
from aidner.normalize.money import normalize_money
from aidner.normalize.numbers import halfwidth, parse_number
from aidner.normalize.region import institution_region, normalize_region

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "normalization" / "dev_values.tsv"
REFERENCES = ROOT / "corpus" / "normalization" / "dev_reference_dates.tsv"


def make_doc(text: str, spans: list[tuple[str, str]], relations=(), doc_id="t") -> Document:
    """A Document with entities found by their (first unused) surface in `text`."""
    entities, pos = [], {}
    for surface, label in spans:
        start = text.index(surface, pos.get(surface, 0))
        pos[surface] = start + len(surface)
        entities.append(Entity(surface, label, start, start + len(surface)))
    rels = [Relation(entities[h], entities[t], kind) for h, kind, t in relations]
    return Document(text, entities, rels, id=doc_id)


def value(doc: Document, surface: str, nth: int = 0) -> dict | None:
    found = [e for e in doc.entities if e.text == surface]
    return found[nth].normalized


# -- numbers ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("12", 12.0), ("１２", 12.0), ("1,200", 1200.0), ("3.2万", 32000.0), ("三十", 30.0),
    ("两", 2.0), ("一百零五", 105.0), ("1亿2000万", 120000000.0), ("二〇二二", 2022.0),
    ("几", None), ("", None), ("万", None), ("1.2.3", None),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


def test_halfwidth_folds_digits_and_dashes():
    assert halfwidth("２０２３年—２０２４年") == "2023年-2024年"


# -- money -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, yuan, approx, per", [
    ("985万元", 9850000.0, False, None),
    ("1.2亿元", 120000000.0, False, None),
    ("7.422 万元", 74220.0, False, None),
    ("269万", 2690000.0, False, None),
    ("110万元/辆", 1100000.0, False, "辆"),
    ("3184余万元", 31840000.0, True, None),
    ("近500万元", 5000000.0, True, None),
    ("30多万元", 300000.0, True, None),
    ("200万元左右", 2000000.0, True, None),
    ("五十万元", 500000.0, False, None),
    ("１２０万元", 1200000.0, False, None),
    ("1亿2000万元", 120000000.0, False, None),
    ("8000元每人", 8000.0, False, "人"),
])
def test_money(text, yuan, approx, per):
    assert normalize_money(text) == {"yuan": yuan, "approximate": approx, "per_unit": per}


@pytest.mark.parametrize("text", ["100万美元", "资金", "", "万元", "若干万元"])
def test_money_unreadable_is_none(text):
    assert normalize_money(text) is None


# -- counts ----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, following, expected", [
    ("两辆", "救护车。", (2, "辆", False, "救护车")),
    ("150余名", "重症患儿。", (150, "名", True, "重症患儿")),
    ("三十余名", "骨干医师赴当地", (30, "名", True, "骨干医师")),
    ("8825人次", "，", (8825, "人次", False, None)),
    ("20名", "医疗人才驻点帮扶", (20, "名", False, "医疗人才")),
    ("3.2万名", "儿童受益", (32000, "名", False, "儿童")),
    ("近70个", "", (70, "个", True, None)),
    ("六批次", "前往杭州", (6, "批次", False, None)),
    ("12 项", "新技术", (12, "项", False, "新技术")),
    ("5家", "医院和3家卫生院", (5, "家", False, "医院")),
    ("2人", "任科室主任", (2, "人", False, None)),
])
def test_count(text, following, expected):
    got = normalize_count(text, following)
    assert (got["value"], got["measure"], got["approximate"], got["counted"]) == expected


@pytest.mark.parametrize("text", ["若干名", "", "名", "数十名"])
def test_count_unreadable_is_none(text):
    assert normalize_count(text) is None


# -- dates -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, start, end, precision", [
    ("2022年6月", "2022-06-01", "2022-06-30", "month"),
    ("2018-2019年", "2018-01-01", "2019-12-31", "year"),
    ("2019年上半年", "2019-01-01", "2019-06-30", "half"),
    ("2020年下半年", "2020-07-01", "2020-12-31", "half"),
    ("2018年9月—2019年3月", "2018-09-01", "2019-03-31", "month"),
    ("2017年5月12日至6月3日", "2017-05-12", "2017-06-03", "day"),
    ("2016年10月至11月", "2016-10-01", "2016-11-30", "month"),
    ("2021年第三季度", "2021-07-01", "2021-09-30", "quarter"),
    ("2020年底", "2020-12-01", "2020-12-31", "month"),
    ("2024年2月", "2024-02-01", "2024-02-29", "month"),
    ("2021/3/15", "2021-03-15", "2021-03-15", "day"),
    ("二〇一九年八月", "2019-08-01", "2019-08-31", "month"),
    ("2015 年", "2015-01-01", "2015-12-31", "year"),
    ("2016-2018", "2016-01-01", "2018-12-31", "year"),
    ("十三五", "2016-01-01", "2020-12-31", "year"),
    ("“十四五”期间", "2021-01-01", "2025-12-31", "year"),
    ("2022年世界卒中日", "2022-10-29", "2022-10-29", "day"),
    ("2020年3月8日下午", "2020-03-08", "2020-03-08", "time"),
])
def test_absolute_dates(text, start, end, precision):
    assert normalize_date(text) == {"start": start, "end": end, "precision": precision,
                                    "resolved": True}


def test_relative_dates_use_the_reference_date():
    doc = make_doc("今年，医院新建了病房；去年引进设备；4月份开展义诊；10月5日上午举行签约。",
                   [("今年", "DATE"), ("去年", "DATE"), ("4月份", "DATE"), ("10月5日上午", "DATE")])
    out = normalize_document(doc, dt.date(2022, 11, 20))
    assert value(out, "今年")["start"] == "2022-01-01" and value(out, "今年")["end"] == "2022-12-31"
    assert (value(out, "去年")["start"], value(out, "去年")["end"]) == ("2021-01-01", "2021-12-31")
    assert (value(out, "4月份")["start"], value(out, "4月份")["end"]) == ("2022-04-01", "2022-04-30")
    assert value(out, "10月5日上午") == {"start": "2022-10-05", "end": "2022-10-05",
                                      "precision": "time", "resolved": True}


def test_year_only_reference():
    doc = make_doc("今天，我们介绍去年的工作。", [("今天", "DATE"), ("去年", "DATE")])
    out = normalize_document(doc, 2019)
    assert value(out, "今天") == {"start": None, "end": None, "precision": "day", "resolved": False}
    assert value(out, "去年")["start"] == "2018-01-01"


def test_yearless_date_takes_the_nearest_earlier_year_of_the_document():
    doc = make_doc("2017年3月，专家组抵达当地。5月8日，手术中心启用。",
                   [("2017年3月", "DATE"), ("5月8日", "DATE")])
    out = normalize_document(doc)
    assert value(out, "5月8日")["start"] == "2017-05-08"


def test_a_period_opening_year_is_no_anchor():
    doc = make_doc("2016年以来，双方合作不断。6月2日，专家再次到来。",
                   [("2016年", "DATE"), ("6月2日", "DATE")])
    assert value(normalize_document(doc), "6月2日")["resolved"] is False
    assert value(normalize_document(doc, dt.date(2020, 6, 5)), "6月2日")["start"] == "2020-06-02"


def test_relative_year_without_reference_uses_the_latest_year_stated():
    doc = make_doc("2019年共派出专家12名，今年继续派出。", [("2019年", "DATE"), ("今年", "DATE")])
    assert value(normalize_document(doc), "今年")["start"] == "2019-01-01"


def test_today_in_a_quote_is_the_day_the_report_names():
    doc = make_doc("“今天有专家来义诊。”3月6日，卫生院里人头攒动。",
                   [("今天", "DATE"), ("3月6日", "DATE")])
    out = normalize_document(doc, dt.date(2021, 3, 9))
    assert value(out, "今天")["start"] == "2021-03-06"


def test_named_day_takes_the_year_in_context():
    doc = make_doc("2022年，医院开展宣传。世界卒中日当天举办义诊。", [("2022年", "DATE"), ("世界卒中日", "DATE")])
    assert value(normalize_document(doc), "世界卒中日")["start"] == "2022-10-29"


@pytest.mark.parametrize("text", ["9月7日上午", "今年", "去年", "4月份", "世界卒中日", "当天", "本月"])
def test_unresolvable_dates(text):
    got = normalize_date(text)
    assert got["start"] is None and got["end"] is None and got["resolved"] is False


@pytest.mark.parametrize("text", ["", "近年来", "abc", "2月30日", "2020年13月", "13日", "上午",
                                  "2019年-", "——", "十余年间", "2019年12月至2019年1月"])
def test_odd_dates_never_raise(text):
    got = normalize_date(text)
    assert set(got) == {"start", "end", "precision", "resolved"}
    assert got["resolved"] is False and got["start"] is None


# -- regions ---------------------------------------------------------------------------------

def test_region_full_short_and_chain_forms():
    full = normalize_region("沿河土家族自治县")
    assert full == {"code": "520627", "name": "沿河土家族自治县", "level": "county",
                    "province": "贵州省", "city": "铜仁市",
                    "chain": ["贵州省", "铜仁市", "沿河土家族自治县"]}
    assert normalize_region("沿河") == full
    assert normalize_region("铜仁")["name"] == "铜仁市"
    assert normalize_region("黔南州")["code"] == "522700"
    assert normalize_region("贵州省晴隆县")["code"] == "522324"
    assert normalize_region("广州市越秀区")["code"] == "440104"


def test_region_unknown_is_none():
    for text in ("x县", "x", "", "火星", "全县"):
        assert normalize_region(text) is None


def test_ambiguous_region_alone_is_none():
    assert normalize_region("朝阳区") is None
    assert normalize_region("白云区") is None


def test_ambiguous_region_resolved_by_other_mentions():
    doc = make_doc("北京市卫健委组织朝阳区的医院赴内蒙古开展义诊。",
                   [("北京市卫健委", "ORG"), ("朝阳区", "REGION"), ("内蒙古", "REGION")])
    assert value(normalize_document(doc), "朝阳区")["code"] == "110105"
    doc = make_doc("辽宁省朝阳市下辖的朝阳县与双塔区都在推进卫生改革。",
                   [("辽宁省朝阳市", "REGION"), ("朝阳县", "REGION"), ("双塔区", "REGION")])
    assert value(normalize_document(doc), "朝阳县")["code"] == "211321"


def test_ambiguous_region_resolved_against_its_aid_partner():
    # 白云区 is in Guangzhou and in Guiyang; the district that helps a hospital of
    # Guizhou is read outside Guizhou (east-west partners lie in different provinces)
    doc = make_doc("白云区帮扶独山县人民医院建成卒中中心。",
                   [("白云区", "REGION"), ("独山县人民医院", "HOSPITAL"), ("卒中中心", "DEPARTMENT")],
                   relations=[(0, "ASSISTS", 1)])
    assert value(normalize_document(doc), "白云区")["code"] == "440111"
    # with the province of Guiyang named as context, the Guiyang reading wins
    doc = make_doc("贵阳市白云区的医生在贵州省内开展培训。", [("贵阳市白云区", "REGION"), ("贵州省", "REGION")])
    assert value(normalize_document(doc), "贵阳市白云区")["code"] == "520113"
    doc = make_doc("白云区与贵阳市其他城区一同推进基层卫生建设。", [("白云区", "REGION"), ("贵阳市", "REGION")])
    assert value(normalize_document(doc), "白云区")["code"] == "520113"


def test_town_resolves_to_the_county_of_its_document():
    doc = make_doc("专家赴威宁县开展巡诊，随后前往迤那镇。", [("威宁县", "REGION"), ("迤那镇", "REGION")])
    town = value(normalize_document(doc), "迤那镇")
    assert town["level"] == "town" and town["code"] == "520526" and town["name"] == "迤那镇"
    assert town["chain"][-2:] == ["威宁彝族回族苗族自治县", "迤那镇"]
    alone = normalize_region("迤那镇")
    assert alone["level"] == "town" and alone["code"] is None
    assert normalize_region("赫章县野马川镇")["code"] == "520527"


# -- hospitals and organisations ------------------------------------------------------------

def test_institution_region():
    assert institution_region("沿河土家族自治县人民医院")["code"] == "520627"
    assert institution_region("贵州省晴隆县人民医院")["code"] == "522324"
    assert institution_region("广州市卫健委")["code"] == "440100"
    assert institution_region("宁海县卫生健康局")["code"] == "330226"
    assert institution_region("张家川县马鹿镇中心卫生院")["level"] == "town"
    assert institution_region("张家川县马鹿镇中心卫生院")["code"] == "620525"
    for name in ("广医二院", "中山大学附属第一医院", "瑞金医院", "国家中医药管理局", "党中央", "县人民医院"):
        assert institution_region(name) is None


def test_bare_county_hospital_takes_the_county_in_focus():
    doc = make_doc("杭州专家到剑河县，在县人民医院开展手术。",
                   [("杭州", "REGION"), ("剑河县", "REGION"), ("县人民医院", "HOSPITAL")])
    out = normalize_document(doc)
    assert value(out, "县人民医院") == {"region": normalize_region("剑河县")}
    doc = make_doc("剑河县与台江县的县人民医院都参加了培训。",
                   [("剑河县", "REGION"), ("台江县", "REGION"), ("县人民医院", "HOSPITAL")])
    assert value(normalize_document(doc), "县人民医院") is None


def test_person_and_department_get_none():
    doc = make_doc("李明在儿科坐诊。", [("李明", "PERSON"), ("儿科", "DEPARTMENT")])
    assert all(e.normalized is None for e in normalize_document(doc).entities)


# -- the new document ------------------------------------------------------------------------

def test_new_document_and_relation_identity():
    doc = make_doc("2021年，深圳市向百色市捐赠500万元。",
                   [("2021年", "DATE"), ("深圳市", "REGION"), ("百色市", "REGION"), ("500万元", "MONEY")],
                   relations=[(1, "ASSISTS", 2), (1, "FUNDS", 3)])
    out = normalize_document(doc)
    assert out is not doc and out.id == doc.id and out.text == doc.text
    assert out.entities == doc.entities                     # equality ignores `normalized`
    assert all(e.normalized is None for e in doc.entities)  # the input is not changed
    for rel in out.relations:
        assert any(rel.head is e for e in out.entities)
        assert any(rel.tail is e for e in out.entities)
    assert out.relations[1].tail.normalized["yuan"] == 5000000.0
    assert [t.helper.text for t in out.triples] == ["深圳市"]
    assert out.to_dict()["entities"][3]["normalized"]["yuan"] == 5000000.0


def test_odd_spans_never_raise():
    text = "？？ 万元 —— x县 ＃ 第 县 年 月 日"
    spans = [Entity(text[i:i + n], label, i, i + n)
             for label in ("MONEY", "COUNT", "DATE", "REGION", "HOSPITAL", "ORG")
             for i in range(0, len(text), 3) for n in (1, 2) if i + n <= len(text)]
    for ent in spans:
        normalize_document(Document(text, [ent]), dt.date(2020, 1, 1))


def test_extract_returns_normalised_documents():
    from aidner.api import extract_batch

    class Fixed:
        name = "fixed"

        def predict(self, texts):
            return [Document(t, [Entity("今年", "DATE", 0, 2)] if t.startswith("今年") else [])
                    for t in texts]

    docs = extract_batch(["今年开展义诊。", ""], model=Fixed(), reference_date=dt.date(2023, 5, 1))
    assert docs[0].entities[0].normalized["start"] == "2023-01-01"
    assert docs[1].entities == []


# -- the development set's gold values -------------------------------------------------------

def test_dev_set_targets(dev_records):
    from aidner.normalize.evaluate import (
        combined,
        evaluate,
        read_gold,
        read_reference_dates,
        report,
    )

    scores = evaluate(dev_records, read_gold(GOLD), read_reference_dates(REFERENCES))
    summary = report(scores)
    assert sum(s.total for s in scores.values()) == 339, summary
    assert combined(scores, ("MONEY", "COUNT", "DATE")) >= 0.95, summary
    assert scores["REGION"].share >= 0.90, summary


def test_gold_file_has_no_mention_text():
    from aidner.normalize.evaluate import read_gold

    rows = read_gold(GOLD)
    assert {r.label for r in rows} == {"MONEY", "COUNT", "DATE", "REGION"}
    for row in rows:
        assert row.expected == "NONE" or row.expected.replace("-", "").replace("/", "") \
            .replace(".", "").isdigit()
