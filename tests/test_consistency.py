"""aidner.corpus.consistency: label conflicts and unannotated occurrences across a corpus."""
from __future__ import annotations

import json

import pytest

from aidner.corpus.consistency import (LABEL_CONFLICT, UNANNOTATED, check_consistency,
                                       load_explained, main)
from aidner.corpus.markup import parse_markup

try:
    import ahocorasick  # noqa: F401
    FINDERS = [True, False]
except ImportError:  # the fallback index is always tested
    FINDERS = [False]


def _rec(doc_id: str, markup: str, relations=()) -> dict:
    return parse_markup(markup, relations, doc_id=doc_id)


CLEAN = [
    _rec("c1", "[东莞市|REGION|a][5家|COUNT]医疗机构帮扶[沿河县人民医院|HOSPITAL|b]。", [["a", "ASSISTS", "b"]]),
    _rec("c2", "[2023年|DATE][东莞市|REGION]又派出[5家|COUNT]医院的专家。"),
    # 沿河 and 县人民医院 inside a longer span are fine under the outermost-span rule
    _rec("c3", "[沿河|REGION]百姓在[沿河县人民医院|HOSPITAL]看病。"),
]

CONFLICT = [
    _rec("k1", "[广州|REGION]派出[20名|COUNT]专家。"),
    _rec("k2", "[广州|ORG]与[毕节|REGION]签约。"),
    _rec("k3", "[广州|REGION]帮扶[毕节|REGION]。"),
]

MISSED = [
    _rec("m1", "[东莞市|REGION][5家|COUNT]医疗机构组团帮扶。"),
    _rec("m2", "东莞市另有5家医院参与，东莞市卫健局统筹。"),     # 东莞市 twice, 5家 once missed
    _rec("m3", "[东莞市|REGION]专家在[儿科|DEPARTMENT]坐诊，儿科医师跟班。"),  # same text
]


@pytest.mark.parametrize("use_automaton", FINDERS)
def test_clean_corpus_has_no_findings(use_automaton):
    assert check_consistency(CLEAN, use_automaton=use_automaton) == []


@pytest.mark.parametrize("use_automaton", FINDERS)
def test_label_conflict(use_automaton):
    findings = check_consistency(CONFLICT, use_automaton=use_automaton)
    assert [(f.kind, f.surface) for f in findings] == [(LABEL_CONFLICT, "广州")]
    finding = findings[0]
    assert finding.labels == {"REGION": 2, "ORG": 1}
    assert finding.annotated == 3 and finding.unannotated == 0 and finding.count == 3
    assert {(o.doc_id, o.start, o.label) for o in finding.examples} >= {("k1", 0, "REGION"),
                                                                        ("k2", 0, "ORG")}
    assert finding.explained is None


@pytest.mark.parametrize("use_automaton", FINDERS)
def test_unannotated_in_other_and_same_text(use_automaton):
    findings = check_consistency(MISSED, use_automaton=use_automaton)
    by_surface = {f.surface: f for f in findings}
    assert all(f.kind == UNANNOTATED for f in findings)
    assert set(by_surface) == {"东莞市", "5家", "儿科"}
    assert by_surface["东莞市"].unannotated == 2 and by_surface["东莞市"].labels == {"REGION": 2}
    assert [(o.doc_id, o.start) for o in by_surface["5家"].examples if o.label is None] == [
        ("m2", MISSED[1]["text"].index("5家"))]
    assert [(o.doc_id, o.start) for o in by_surface["儿科"].examples if o.label is None] == [
        ("m3", MISSED[2]["text"].rindex("儿科"))]
    # most frequent first
    assert findings[0].surface == "东莞市"
    assert [f.count for f in findings] == sorted((f.count for f in findings), reverse=True)
    # examples carry a readable context with the occurrence bracketed
    assert "[5家]" in by_surface["5家"].examples[0].context


@pytest.mark.parametrize("use_automaton", FINDERS)
def test_noise_rules(use_automaton):
    records = [
        _rec("n1", "[5家|COUNT]医院、[三个|COUNT]科室、[2个|COUNT]项目，[ICU|DEPARTMENT]，"
                   "重点帮扶[急诊|DEPARTMENT]、[超声|DEPARTMENT]等学科，[x|REGION]"),
        # 5家 inside 265家, 三个 inside 十三个, 2个 in 2个月, ICU inside PICU, bare specialty
        # words outside a list of disciplines, one-character surfaces: none is a miss
        _rec("n2", "共有265家机构，十三个乡镇，为期2个月，PICU建成，急诊急救和胃肠超声检查，x县。"),
        _rec("n3", "第三个项目启动。"),   # ordinal
    ]
    assert check_consistency(records, use_automaton=use_automaton) == []
    # the bare-specialty rule can be switched off
    loud = check_consistency(records, use_automaton=use_automaton, skip_context_dependent=False)
    assert {f.surface for f in loud} == {"急诊", "超声"}


@pytest.mark.parametrize("use_automaton", FINDERS)
def test_generic_short_forms_and_word_boundaries(use_automaton):
    records = [
        _rec("g1", "[县医院|HOSPITAL]、[中医院|HOSPITAL]和[镇江市第一人民医院|HOSPITAL]；"
                   "[成县|REGION]；[12个|COUNT]科室"),
        # short forms used generically, 成县 inside 建成县域, 12个 in 12个百分点: none is a miss
        _rec("g2", "受援县医院、二级甲等中医院，帮助建成县域医学中心，占比提高12个百分点。"),
    ]
    assert check_consistency(records, use_automaton=use_automaton) == []
    # a name with a real prefix is still checked, and so is a short form in part (a)
    records.append(_rec("g3", "镇江市第一人民医院派出专家，[县医院|ORG]"))
    findings = check_consistency(records, use_automaton=use_automaton)
    assert {(f.kind, f.surface) for f in findings} == {(UNANNOTATED, "镇江市第一人民医院"),
                                                       (LABEL_CONFLICT, "县医院")}


@pytest.mark.parametrize("use_automaton", FINDERS)
def test_longest_unannotated_occurrence_only(use_automaton):
    records = [_rec("a", "[晴隆|REGION]和[晴隆县|REGION]"), _rec("b", "晴隆县的患者。")]
    findings = check_consistency(records, use_automaton=use_automaton)
    assert [(f.surface, f.unannotated) for f in findings] == [("晴隆县", 1)]


def test_explained_file_suppresses(tmp_path):
    explained = tmp_path / "consistency_explained.tsv"
    explained.write_text("# surface\tkind\treason\n\n"
                         "广州\tlabel_conflict\tk2 is a made-up test case\n", encoding="utf-8")
    findings = check_consistency(CONFLICT, explained=explained)
    assert len(findings) == 1 and findings[0].explained == "k2 is a made-up test case"
    # a wildcard kind covers both kinds; another kind does not match
    wildcard = check_consistency(MISSED, explained={("5家", "*"): "why"})
    assert {f.surface: f.explained for f in wildcard} == {"东莞市": None, "5家": "why", "儿科": None}
    other = check_consistency(CONFLICT, explained={("广州", UNANNOTATED): "no"})
    assert other[0].explained is None


def test_load_explained_rejects_bad_lines(tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("广州\tlabel_conflict\n", encoding="utf-8")
    with pytest.raises(ValueError, match="line 1"):
        load_explained(bad)
    bad.write_text("广州\tsomething\treason\n", encoding="utf-8")
    with pytest.raises(ValueError, match="kind"):
        load_explained(bad)


def _write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records),
                    encoding="utf-8")
    return path


def test_cli_exit_codes(tmp_path, capsys):
    clean = _write_jsonl(tmp_path / "clean.jsonl", CLEAN)
    assert main([str(clean)]) == 0
    conflict = _write_jsonl(tmp_path / "conflict.jsonl", CONFLICT)
    assert main([str(conflict), "--top", "5"]) == 1
    out = capsys.readouterr().out
    assert "label_conflict: 1 open" in out and "'广州'" in out and "k2@0 ORG" in out
    explained = tmp_path / "explained.tsv"
    explained.write_text("广州\tlabel_conflict\ttest\n", encoding="utf-8")
    assert main([str(conflict), "--explained", str(explained)]) == 0
    assert "explained (1)" in capsys.readouterr().out


def test_cli_reads_markup_files(tmp_path):
    path = tmp_path / "hw.markup.jsonl"
    lines = [{"id": "h1", "markup": "[东莞市|REGION]帮扶。", "relations": []},
             {"id": "h2", "markup": "东莞市帮扶。", "relations": []}]
    path.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    assert main([str(path)]) == 1


def test_dev_set_is_not_flooded(dev_records):
    findings = check_consistency(dev_records)
    assert not [f for f in findings if f.kind == LABEL_CONFLICT]
    assert len(findings) < 10
