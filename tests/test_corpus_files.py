"""The shipped corpus: valid, free of dev-set text, consistent, as large as the datasheet says."""
from __future__ import annotations

from pathlib import Path

import pytest

from aidner.corpus import read_jsonl
from aidner.corpus.consistency import check_consistency, load_explained
from aidner.corpus.markup import read_markup_file
from aidner.corpus.stats import corpus_stats
from training.build_corpus import check_no_seed_text, seed_sentences

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


@pytest.fixture(scope="module")
def corpus_records():
    return read_jsonl(CORPUS / "train.jsonl") + read_jsonl(CORPUS / "valid.jsonl")


def test_handwritten_files_validate():
    files = sorted((CORPUS / "handwritten").glob("*.markup.jsonl"))
    assert files
    assert sum(len(read_markup_file(str(f))) for f in files) >= 300


def test_no_seed_sentence_in_corpus(corpus_records, dev_path):
    sentences = seed_sentences(dev_path.parent.parent / "seeds")
    assert len(sentences) > 100
    check_no_seed_text(corpus_records, sentences)


def test_no_dev_document_in_corpus(corpus_records, dev_records):
    corpus_texts = {r["text"] for r in corpus_records}
    assert not [r["id"] for r in dev_records if len(r["text"]) > 15 and r["text"] in corpus_texts]


def test_consistency_findings_all_explained(corpus_records):
    explained = load_explained(CORPUS / "consistency_explained.tsv")
    open_findings = [f for f in check_consistency(corpus_records, explained=explained)
                     if not f.explained]
    assert not open_findings, open_findings[:5]


def test_corpus_meets_datasheet_sizes(corpus_records):
    stats = corpus_stats(corpus_records)
    assert stats["documents"] >= 3000 and stats["characters"] >= 400_000
    for label, n in stats["mentions"].items():
        assert n >= (800 if label == "PERSON" else 1500), label
    assert min(stats["relations"].values()) >= 500
    assert stats["distinct"]["HOSPITAL"] >= 400 and stats["distinct"]["REGION"] >= 200
    assert len(stats["provinces"]) >= 12
    assert stats["origin_documents"]["handwritten"] >= 300


def test_dev_overlap_lists_only_text_new_to_the_corpus():
    from training.dev_overlap import dev_overlap

    dev = [{"text": "晴隆县人民医院建成爱心流动专家门诊。",
            "entities": [{"start_offset": 0, "end_offset": 7, "label": "HOSPITAL"},
                         {"start_offset": 9, "end_offset": 17, "label": "DEPARTMENT"}]}]
    existing = "沿河县人民医院建成胸痛中心。"
    records = [{"id": "new-1", "text": "宁波援建的爱心流动专家门诊开诊。"},
               {"id": "new-2", "text": "沿河县人民医院建成胸痛中心。"}]
    found = dev_overlap(records, dev, existing, n=7)
    assert list(found) == ["new-1"]
    assert found["new-1"]["names"] == ["爱心流动专家门诊"]
    assert "爱心流动专家门" in found["new-1"]["windows"]
    assert "县人民医院建成" not in found["new-1"]["windows"]  # the corpus had it already
