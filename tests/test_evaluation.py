"""Scores follow SCHEMA.md: exact spans, strict relations, document-level triples."""
from __future__ import annotations

from aidner.document import Document, Entity, Relation
from aidner.evaluation import score_documents

TEXT = "东莞市帮扶沿河县人民医院。"
R = Entity("东莞市", "REGION", 0, 3)
H = Entity("沿河县人民医院", "HOSPITAL", 5, 12)


def test_perfect_prediction():
    gold = [Document(TEXT, [R, H], [Relation(R, H, "ASSISTS")])]
    s = score_documents(gold, gold)
    assert s["entities"]["micro"]["f1"] == 1.0 and s["relations"]["micro"]["f1"] == 1.0


def test_boundary_error_costs_precision_and_recall():
    gold = [Document(TEXT, [R, H])]
    short = Entity("人民医院", "HOSPITAL", 8, 12)
    s = score_documents(gold, [Document(TEXT, [R, short])])
    assert s["entities"]["micro"]["precision"] == 0.5 and s["entities"]["micro"]["recall"] == 0.5
    assert s["entities"]["per_label"]["HOSPITAL"]["f1"] == 0.0
    assert s["entities"]["per_label"]["REGION"]["f1"] == 1.0


def test_relation_strict_needs_right_labels_but_triples_only_strings():
    gold = [Document(TEXT, [R, H], [Relation(R, H, "ASSISTS")])]
    org = Entity("东莞市", "ORG", 0, 3)
    pred = [Document(TEXT, [org, H], [Relation(org, H, "ASSISTS")])]
    s = score_documents(gold, pred)
    assert s["relations"]["micro"]["f1"] == 0.0
    assert s["triples"]["micro"]["f1"] == 1.0


def test_triples_count_once_per_document():
    text = TEXT + TEXT
    r2, h2 = Entity("东莞市", "REGION", 13, 16), Entity("沿河县人民医院", "HOSPITAL", 18, 25)
    gold = [Document(text, [R, H, r2, h2], [Relation(R, H, "ASSISTS"), Relation(r2, h2, "ASSISTS")])]
    pred = [Document(text, [R, H, r2, h2], [Relation(R, H, "ASSISTS")])]
    s = score_documents(gold, pred)
    assert s["triples"]["micro"]["f1"] == 1.0
    assert s["relations"]["micro"]["recall"] == 0.5
