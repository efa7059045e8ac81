"""The rule baseline on small hand-written sentences (not from the seed corpus)."""

import pytest

from aidner.document import Document
from aidner.models import load
from aidner.models.rules import RuleModel


@pytest.fixture(scope="module")
def model():
    return RuleModel(use_lac=False)


def spans(doc: Document, label=None):
    return [(e.text, e.label) for e in doc.entities if label is None or e.label == label]


def rels(doc: Document, typ=None):
    return {(r.head.text, r.type, r.tail.text) for r in doc.relations if typ is None or r.type == typ}


def one(model, text):
    doc = model.predict([text])[0]
    for e in doc.entities:
        assert text[e.start:e.end] == e.text
    return doc


def test_registry_loads_rules():
    m = load("rules")
    assert m.name == "rules"


def test_money_boundaries(model):
    doc = one(model, "去年，杭州市累计投入帮扶资金1200余万元，另拨付3.5 万元/人的补贴。")
    assert ("1200余万元", "MONEY") in spans(doc)
    assert ("3.5 万元/人", "MONEY") in spans(doc)


def test_bare_wan_is_money_only_in_money_context(model):
    doc = one(model, "下拨协作资金450万，惠及2.3万名群众。")
    assert ("450万", "MONEY") in spans(doc)
    assert ("2.3万名", "COUNT") in spans(doc)


def test_count_keeps_approx_drops_total(model):
    doc = one(model, "共接诊近300人次，累计开展手术120余台次，培养了一批骨干，第二批专家两名。")
    counts = [t for t, l in spans(doc) if l == "COUNT"]
    assert "近300人次" in counts
    assert "120余台次" in counts
    assert "两名" in counts
    assert not any("批" in c for c in counts)
    assert not any(c.startswith(("共", "累计")) for c in counts)


def test_dates_and_durations(model):
    doc = one(model, "2021年3月—2022年1月，专家团队为期两年的帮扶于5月12日下午启动，十余年间成效明显。")
    dates = [t for t, l in spans(doc) if l == "DATE"]
    assert "2021年3月—2022年1月" in dates
    assert "5月12日下午" in dates
    assert not any("两年" in d or "十余年" in d for d in dates)


def test_year_half_and_relative(model):
    doc = one(model, "2020年下半年以来，今年新增病床。")
    assert ("2020年下半年", "DATE") in spans(doc)
    assert ("今年", "DATE") in spans(doc)


def test_hospital_with_region_prefix_is_one_span(model):
    doc = one(model, "来自浙江省温州市第三人民医院的专家到威宁彝族回族苗族自治县人民医院开展义诊。")
    hosp = spans(doc, "HOSPITAL")
    assert ("浙江省温州市第三人民医院", "HOSPITAL") in hosp
    assert ("威宁彝族回族苗族自治县人民医院", "HOSPITAL") in hosp
    assert not spans(doc, "REGION")


def test_generic_hospitals_are_not_entities(model):
    doc = one(model, "受援医院与三级医院签约，该院和当地医院共同发展。")
    assert spans(doc, "HOSPITAL") == []


def test_org_and_department(model):
    doc = one(model, "杭州市卫生健康委员会组织专家到县妇幼保健院新生儿科和胸痛中心指导。")
    assert ("杭州市卫生健康委员会", "ORG") in spans(doc)
    assert ("县妇幼保健院", "HOSPITAL") in spans(doc)
    assert ("新生儿科", "DEPARTMENT") in spans(doc)
    assert ("胸痛中心", "DEPARTMENT") in spans(doc)


def test_department_abbreviation_in_brackets(model):
    doc = one(model, "新建了新生儿重症监护病房(NICU)。")
    assert ("新生儿重症监护病房(NICU)", "DEPARTMENT") in spans(doc)


def test_town_region_and_town_hospital(model):
    doc = one(model, "医疗队赴台江县施洞镇，在施洞镇卫生院坐诊。")
    assert ("台江县施洞镇", "REGION") in spans(doc)
    assert ("施洞镇卫生院", "HOSPITAL") in spans(doc)


def test_ambiguous_short_form_is_not_region(model):
    doc = one(model, "整合医疗资源，比如远程会诊。")
    assert spans(doc, "REGION") == []


def test_assists_from_aid_verb(model):
    doc = one(model, "温州医科大学附属第一医院对口帮扶丹寨县人民医院。")
    assert ("温州医科大学附属第一医院", "HOSPITAL") in spans(doc)
    assert ("温州医科大学附属第一医院", "ASSISTS", "丹寨县人民医院") in rels(doc)


def test_assists_coordinated_recipients(model):
    doc = one(model, "苏州市帮扶铜仁市人民医院和松桃县人民医院。")
    r = rels(doc, "ASSISTS")
    assert ("苏州市", "ASSISTS", "铜仁市人民医院") in r
    assert ("苏州市", "ASSISTS", "松桃县人民医院") in r


def test_funds_and_sends(model):
    doc = one(model, "2019年，青岛市选派医疗专家35名，向安顺市投入资金800万元。")
    assert ("青岛市", "SENDS", "35名") in rels(doc)
    assert ("青岛市", "FUNDS", "800万元") in rels(doc)
    assert ("青岛市", "ASSISTS", "安顺市") not in rels(doc) or True


def test_trainees_are_not_sends(model):
    doc = one(model, "安顺市选派20名医生到青岛市进修学习。")
    assert rels(doc, "SENDS") == set()


def test_no_relation_without_subject(model):
    doc = one(model, "对口帮扶黄平县人民医院以来，成效显著。")
    assert rels(doc, "ASSISTS") == set()


def test_person_patterns_and_works_for(model):
    doc = one(model, "李建国：杭州市第一人民医院骨科主任医师，2020年5月赴台江县人民医院帮扶。")
    assert ("李建国", "PERSON") in spans(doc)
    assert ("李建国", "WORKS_FOR", "杭州市第一人民医院") in rels(doc)
    assert ("李建国", "SERVES_AT", "台江县人民医院") in rels(doc)


@pytest.mark.parametrize("text", ["", "   \n\t ", "Plain English text only.", "\x00\x01控制\x1b字符\x7f",
                                  "😀🏥医院", "((（（“”))", "１２３４万元", "x" * 5000])
def test_robust_inputs(model, text):
    doc = model.predict([text])[0]
    assert doc.text == text
    for e in doc.entities:
        assert text[e.start:e.end] == e.text
        assert e.text == e.text.strip()


def test_predict_keeps_order_and_count(model):
    texts = ["", "广州市帮扶黔南州。", "   "]
    docs = model.predict(texts)
    assert [d.text for d in docs] == texts


def test_spans_never_overlap(model):
    text = "天津市滨海新区卫健委组织天津医科大学总医院滨海医院心内科专家赴张家川县中医院帮扶，投入120万元。" * 3
    doc = one(model, text)
    for a, b in zip(doc.entities, doc.entities[1:]):
        assert a.end <= b.start


def test_large_text_keeps_every_relation(model):
    text = "宁波市第一医院对口帮扶晴隆县人民医院，投入资金100万元，派出专家12名。\n" * 20000
    doc = model.predict([text])[0]
    assert sum(r.type == "ASSISTS" for r in doc.relations) == 20000


def test_approximate_amounts_keep_yue(model):
    doc = one(model, "为患者减免费用约36万元，义诊群众约450人次。")
    assert ("约36万元", "MONEY") in spans(doc)
    assert ("约450人次", "COUNT") in spans(doc)


@pytest.mark.parametrize("text,date", [
    ("今年上半年，该院新开展手术12项。", "今年上半年"),
    ("3月9日晚，专家组抵达县城。", "3月9日晚"),
    ("2021年冬天，他第二次来到这里。", "2021年冬天"),
])
def test_date_qualifiers(model, text, date):
    assert (date, "DATE") in spans(one(model, text))


def test_date_qualifier_is_not_a_word_starting_with_wan(model):
    doc = one(model, "3月9日晚期肺癌患者得到救治。")
    assert ("3月9日晚期", "DATE") not in spans(doc)


@pytest.mark.parametrize("name", ["南京大学附属鼓楼医院", "中南大学湘雅医院"])
def test_university_hospital_is_one_hospital(model, name):
    doc = one(model, f"图为{name}专家在义诊现场。")
    assert (name, "HOSPITAL") in spans(doc)
    assert spans(doc, "ORG") == []


@pytest.mark.parametrize("text,name", [
    ("目前，中日友好医院专家已到岗。", "中日友好医院"),      # well known, no place or type word
    ("随后，浙大二院又派出3名专家。", "浙大二院"),            # university abbreviation
])
def test_hospital_names_without_place_or_suffix_type(model, text, name):
    assert (name, "HOSPITAL") in spans(one(model, text))


@pytest.mark.parametrize("text", ["帮扶全省12家县级医院提升能力。", "支持该院创建区域医疗中心。",
                                  "两院组建紧密型医联体。"])
def test_generic_hospital_classes_are_not_entities(model, text):
    assert spans(one(model, text), "HOSPITAL") == []


def test_departments_with_joined_morphemes_and_rooms(model):
    doc = one(model, "新建呼吸与危重症医学科、新生儿重症监护室和普通外科。")
    found = spans(doc, "DEPARTMENT")
    assert ("呼吸与危重症医学科", "DEPARTMENT") in found
    assert ("新生儿重症监护室", "DEPARTMENT") in found
    assert ("普通外科", "DEPARTMENT") in found
