"""Annotation consistency across a corpus: the same string, annotated differently.

Two kinds of finding, both about one exact surface string:

``label_conflict``
    The string is annotated with different labels in different places
    (广州 as REGION here and ORG there).

``unannotated``
    The string is annotated somewhere, and an exact occurrence of it elsewhere
    (in another document or the same one) lies outside every entity span. An
    occurrence inside a longer annotated span (晴隆 inside the HOSPITAL
    晴隆县人民医院) is fine under the schema's outermost-span rule and is not
    counted, and neither is one that crosses a span boundary (it cannot be
    annotated without overlapping). Only strings of two or more characters are
    checked.

The check counts occurrences; it does not guess. Part (b) skips only what
the schema itself says is an entity in some contexts and not in others, and
what is not the same token at all. These rules were decided on the
development set (../shared/dev/seeds.jsonl: 132 paragraphs, 392 distinct
annotated strings). Without them, part (b) reports 7 strings there, 6 of which
are right by the schema (急诊 in 急诊急救, 康复 in 康复出院, 中医院 in
二级甲等中医院, ...). With them it reports 1: 三个 in the slogans “三个转变” and
“三个提高”, which corpus/GUIDELINES.md (A1) also counts as right. The seeds have
no label conflict. The rules:

* **Token boundaries of numbers and Latin letters.** An occurrence of a
  surface that starts with a numeral (0-9, fullwidth digits,
  〇一二三四五六七八九十百千万亿两) is skipped when the character before it is a
  numeral, a decimal point or 第: 5家 inside 265家, 9 人 inside 19 人, 三个
  inside 十三个, and ordinals such as 第三个, which are never COUNT. An
  occurrence that ends in a numeral is skipped when a numeral follows it. The
  same holds for Latin letters and digits (ICU inside PICU).
* **Not a count.** A surface ending in 个 followed by 月 / 小时 / 工作日 /
  星期 / 百分点 is skipped (2个月 is a duration, 12个百分点 a ratio).
* **Level characters that start another word.** An occurrence whose last
  character is a level character (省市州盟县区旗镇乡村) is skipped when the next
  character makes a new word with it (域 级 城 直 属 委 场). For example, the
  REGION 成县 in 建成县域 is skipped.
* **Bare specialty words.** SCHEMA.md makes a specialty word without 科
  (急诊, 针灸, 超声, 康复, 护理) a DEPARTMENT only inside a list of disciplines.
  Its unannotated occurrences elsewhere (急诊急救, 康复出院, 优质护理) are
  therefore correct, not misses. Part (b) skips DEPARTMENT-only surfaces that
  contain no 科, do not end in a unit word (中心, 病房, 病区, 门诊, 室, 部,
  基地, 组) and are not Latin abbreviations (ICU).
* **Bare short forms of institutions.** SCHEMA.md makes 县医院, 中医院,
  县妇幼保健院 or 市卫健委 an entity only where it points to one specific
  institution. Elsewhere (二级甲等中医院, 受援县医院, 三家县人民医院) it is
  generic. Part (b) skips HOSPITAL/ORG surfaces made only of an optional level
  character, an optional ordinal and generic type words. Names with a real
  prefix (镇江市第一人民医院, 浙大二院) are still checked.
* COUNT, MONEY and DATE surfaces are **not** skipped. Once the boundary rules
  above are applied, 5家, 两名 or 2018年 left unannotated next to the same
  string annotated elsewhere is nearly always a real miss.
* When one unannotated occurrence lies inside a longer unannotated occurrence
  of another annotated string (晴隆 inside an unannotated 晴隆县), only the
  longer one is reported.

Skipped strings still take part in part (a). Findings that are right by the
guidelines (三个 in a slogan, a certification title) are explained rather
than fixed. List each one in corpus/consistency_explained.tsv as
``surface<TAB>kind<TAB>reason``, where kind is ``label_conflict``,
``unannotated`` or ``*`` and ``#`` starts a comment line. Explained findings
are still reported, marked as explained, and do not make the command line
fail.

Command line::

    python -m aidner.corpus.consistency FILE.jsonl [FILE...] \\
        [--explained corpus/consistency_explained.tsv] [--top N]

reads doccano JSONL files (and inline-markup files, ``*.markup.jsonl`` or any
file whose records carry ``markup``), prints a summary and the top findings,
and exits 1 when unexplained findings remain, 0 otherwise.

The scan is one Aho-Corasick pass per text over all annotated surfaces
(`pyahocorasick`); without that package a two-character prefix index does the
same work. 4,000 documents of 500,000 characters take about a second.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

try:  # one pass over each text for all surfaces at once
    import ahocorasick as _ahocorasick
except ImportError:  # pragma: no cover - exercised through use_automaton=False
    _ahocorasick = None

LABEL_CONFLICT = "label_conflict"
UNANNOTATED = "unannotated"
KINDS: tuple[str, ...] = (LABEL_CONFLICT, UNANNOTATED)

_NUMERALS = frozenset("0123456789０１２３４５６７８９〇零一二三四五六七八九十百千万亿两")
_LATIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_DECIMAL_POINTS = frozenset(".．")
_NOT_A_COUNT_AFTER_GE = ("月", "小时", "工作日", "星期", "百分点")
_UNIT_SUFFIXES = ("中心", "病房", "病区", "门诊", "室", "部", "基地", "组")
_LEVELS = "省市州盟县区旗镇乡村"
# a level character followed by one of these starts another word: 建成|县域, 广州|市属
_LEVEL_COMPOUND_NEXT = frozenset("域级城直属委场")
# a bare short form of an institution: optional level, ordinal, generic type words only
_GENERIC_INSTITUTION = re.compile(
    r"^[省市州盟县区旗镇乡村]?(?:第?[一二三四五六七八九十0-9]+)?"
    r"(?:人民|中医|中西医结合|蒙医|藏医|民族|妇幼保健|妇幼|妇女儿童|妇儿|传染病|精神卫生)*"
    r"(?:医院|中医院|医疗中心|中心|卫生院|保健院|疾病预防控制中心|疾控中心|"
    r"卫生健康委员会|卫生健康委|卫健委|卫生健康局|卫健局|卫生局)$")
_CONTEXT_CHARS = 10


@dataclass(frozen=True)
class Occurrence:
    """One place a surface string occurs: document, offsets, its label (None: unannotated)."""

    doc_id: Any
    start: int
    end: int
    label: str | None
    context: str

    def describe(self) -> str:
        """``doc@offset LABEL …context…`` on one line."""
        tag = self.label or "unannotated"
        return f"{self.doc_id}@{self.start} {tag}: {self.context}"


@dataclass
class Finding:
    """A surface string annotated inconsistently.

    `labels` counts the annotated occurrences per label, most frequent first;
    `annotated` and `unannotated` count occurrences (unannotated ones after the
    noise rules of the module docstring); `examples` are a few occurrences with
    document id and offset; `explained` holds the reason from the explained
    file, or None.
    """

    kind: str
    surface: str
    labels: dict[str, int]
    annotated: int
    unannotated: int
    examples: list[Occurrence] = field(default_factory=list)
    explained: str | None = None

    @property
    def count(self) -> int:
        """The size used for ranking: occurrences involved in the inconsistency.

        For a label conflict, all annotated occurrences of the string; for an
        unannotated finding, the unannotated occurrences.
        """
        return self.annotated if self.kind == LABEL_CONFLICT else self.unannotated

    @property
    def counts(self) -> dict[str, int]:
        """Annotated occurrences per label plus ``unannotated``, for reports."""
        return {**self.labels, "unannotated": self.unannotated}

    def describe(self, max_examples: int | None = None) -> str:
        """A few lines for a human: kind, surface, counts and examples."""
        labels = ", ".join(f"{label} {n}" for label, n in self.labels.items())
        head = f"[{self.kind}] {self.surface!r}: {labels}; unannotated {self.unannotated}"
        if self.explained is not None:
            head += f"  (explained: {self.explained})"
        shown = self.examples if max_examples is None else self.examples[:max_examples]
        return "\n".join([head] + [f"    {occ.describe()}" for occ in shown])


def load_explained(path: str | Path) -> dict[tuple[str, str], str]:
    """Read an explained file: ``surface<TAB>kind<TAB>reason`` per line.

    Blank lines and lines starting with ``#`` are ignored. `kind` is
    ``label_conflict``, ``unannotated`` or ``*`` (both). Returns
    ``{(surface, kind): reason}``; raises ValueError naming the line of a
    malformed entry.
    """
    explained: dict[tuple[str, str], str] = {}
    with open(path, encoding="utf-8-sig") as handle:
        for line_no, raw in enumerate(handle, start=1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) < 3 or not parts[0] or not parts[2].strip():
                raise ValueError(f"{path}, line {line_no}: expected surface<TAB>kind<TAB>reason")
            surface, kind, reason = parts[0], parts[1].strip(), "\t".join(parts[2:]).strip()
            if kind not in KINDS and kind != "*":
                raise ValueError(f"{path}, line {line_no}: kind {kind!r} is not one of "
                                 f"{', '.join(KINDS)} or *")
            explained[(surface, kind)] = reason
    return explained


def check_consistency(records: Iterable[dict], *,
                      explained: dict[tuple[str, str], str] | str | Path | None = None,
                      max_examples: int = 3, min_length: int = 2,
                      skip_context_dependent: bool = True,
                      use_automaton: bool | None = None) -> list[Finding]:
    """Find label conflicts and unannotated occurrences of annotated strings.

    `records` are schema records (as `aidner.corpus.read_jsonl` returns them).
    `explained` is a mapping from `load_explained` or the path of such a file;
    matching findings get their `explained` reason set. `min_length` is the
    shortest surface checked for unannotated occurrences; `skip_context_dependent`
    turns off the bare-specialty-word rule of the module docstring;
    `use_automaton` forces (True) or avoids (False) pyahocorasick, default: use it
    when installed. Returns findings sorted by `Finding.count`, largest first.
    """
    if isinstance(explained, (str, Path)):
        explained = load_explained(explained)
    docs = [(record.get("id"), record["text"], record.get("entities", [])) for record in records]

    label_counts: dict[str, Counter] = defaultdict(Counter)
    annotated_occ: dict[str, list[Occurrence]] = defaultdict(list)
    for doc_id, text, entities in docs:
        for ent in sorted(entities, key=lambda e: e["start_offset"]):
            start, end = ent["start_offset"], ent["end_offset"]
            surface = text[start:end]
            label_counts[surface][ent["label"]] += 1
            annotated_occ[surface].append(
                Occurrence(doc_id, start, end, ent["label"], _context(text, start, end)))

    checked = {surface for surface, labels in label_counts.items()
               if len(surface) >= min_length
               and not (skip_context_dependent and _context_dependent(surface, labels))}
    unannotated_occ: dict[str, list[Occurrence]] = defaultdict(list)
    if checked:
        finder = _make_finder(checked, use_automaton)
        for doc_id, text, entities in docs:
            for start, end in _unannotated_in(text, entities, finder):
                unannotated_occ[text[start:end]].append(
                    Occurrence(doc_id, start, end, None, _context(text, start, end)))

    findings: list[Finding] = []
    for surface, labels in label_counts.items():
        ordered = dict(sorted(labels.items(), key=lambda kv: (-kv[1], kv[0])))
        n_annotated = sum(labels.values())
        n_unannotated = len(unannotated_occ.get(surface, ()))
        if len(labels) > 1:
            findings.append(Finding(LABEL_CONFLICT, surface, ordered, n_annotated, n_unannotated,
                                    _conflict_examples(annotated_occ[surface], ordered,
                                                       max_examples)))
        if n_unannotated:
            examples = unannotated_occ[surface][:max_examples] + annotated_occ[surface][:1]
            findings.append(Finding(UNANNOTATED, surface, ordered, n_annotated, n_unannotated,
                                    examples))
    if explained:
        for finding in findings:
            finding.explained = explained.get((finding.surface, finding.kind),
                                              explained.get((finding.surface, "*")))
    findings.sort(key=lambda f: (-f.count, KINDS.index(f.kind), f.surface))
    return findings


def _context(text: str, start: int, end: int) -> str:
    left = text[max(0, start - _CONTEXT_CHARS):start]
    right = text[end:end + _CONTEXT_CHARS]
    return f"{left}[{text[start:end]}]{right}".replace("\n", " ")


def _context_dependent(surface: str, labels: Counter) -> bool:
    """True for strings that SCHEMA.md v1.1 makes entities only in some contexts.

    A bare specialty word is DEPARTMENT only in a list of disciplines; a bare
    short form of an institution (县医院, 中医院, 市卫健委) is HOSPITAL or ORG only
    where it points to one specific institution.
    """
    kinds = set(labels)
    if kinds <= {"HOSPITAL", "ORG"}:
        return bool(_GENERIC_INSTITUTION.match(surface))
    if kinds != {"DEPARTMENT"}:
        return False
    if "科" in surface or surface.endswith(_UNIT_SUFFIXES):
        return False
    return not any(ch in _LATIN for ch in surface)


def _conflict_examples(occurrences: list[Occurrence], labels: dict[str, int],
                       max_examples: int) -> list[Occurrence]:
    """One example per label first (most frequent label first), then more up to the limit."""
    chosen: list[Occurrence] = []
    for label in labels:
        chosen.append(next(o for o in occurrences if o.label == label))
    for occ in occurrences:
        if len(chosen) >= max(max_examples, len(labels)):
            break
        if occ not in chosen:
            chosen.append(occ)
    return chosen


def _make_finder(surfaces: set[str], use_automaton: bool | None):
    """A function text -> iterator of (start, end) of every occurrence of any surface."""
    if use_automaton is None:
        use_automaton = _ahocorasick is not None
    if use_automaton:
        if _ahocorasick is None:
            raise RuntimeError("pyahocorasick is not installed")
        automaton = _ahocorasick.Automaton()
        for surface in surfaces:
            automaton.add_word(surface, len(surface))
        automaton.make_automaton()

        def find(text: str) -> Iterator[tuple[int, int]]:
            for last, length in automaton.iter(text):
                yield last + 1 - length, last + 1
        return find

    by_prefix: dict[str, list[str]] = defaultdict(list)
    shortest = min(len(s) for s in surfaces)
    width = min(2, shortest)
    for surface in surfaces:
        by_prefix[surface[:width]].append(surface)

    def find_indexed(text: str) -> Iterator[tuple[int, int]]:
        for start in range(len(text) - width + 1):
            candidates = by_prefix.get(text[start:start + width])
            if candidates:
                for surface in candidates:
                    if text.startswith(surface, start):
                        yield start, start + len(surface)
    return find_indexed


def _unannotated_in(text: str, entities: Sequence[dict], finder) -> list[tuple[int, int]]:
    """Occurrences found by `finder` that touch no entity and pass the boundary rules."""
    covered = bytearray(len(text))
    for ent in entities:
        covered[ent["start_offset"]:ent["end_offset"]] = b"\x01" * (ent["end_offset"] - ent["start_offset"])
    prefix = [0, *accumulate(covered)]
    hits = [(start, end) for start, end in finder(text)
            if prefix[end] == prefix[start] and _standalone(text, start, end)]
    if len(hits) < 2:
        return hits
    hits.sort(key=lambda se: (se[0], -se[1]))
    kept: list[tuple[int, int]] = []
    max_end = -1
    for start, end in hits:
        if end <= max_end:  # inside a longer unannotated occurrence
            continue
        kept.append((start, end))
        max_end = end
    return kept


def _standalone(text: str, start: int, end: int) -> bool:
    """False when the occurrence is part of a longer number, Latin word, ordinal or duration."""
    first, last = text[start], text[end - 1]
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if first in _NUMERALS and before and (before in _NUMERALS or before in _DECIMAL_POINTS
                                          or before == "第"):
        return False
    if last in _NUMERALS and after and (after in _NUMERALS or after in _DECIMAL_POINTS):
        return False
    if first in _LATIN and before and before in _LATIN:
        return False
    if last in _LATIN and after and after in _LATIN:
        return False
    if last == "个" and text.startswith(_NOT_A_COUNT_AFTER_GE, end):
        return False
    if last in _LEVELS and after in _LEVEL_COMPOUND_NEXT:
        return False
    return True


def read_annotated(path: str) -> list[dict]:
    """Records of a doccano JSONL file or of an inline-markup JSONL file."""
    from aidner.corpus.io import read_jsonl
    from aidner.corpus.markup import read_markup_file

    if path.endswith(".markup.jsonl"):
        return read_markup_file(path)
    with open(path, encoding="utf-8-sig") as handle:
        first = next((line for line in handle if line.strip()), "")
    try:
        is_markup = first and "markup" in json.loads(first)
    except (json.JSONDecodeError, TypeError):
        is_markup = False  # read_jsonl reports the error with file and line
    return read_markup_file(path) if is_markup else read_jsonl(path)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: check files, print a summary and the top findings; 1 if any unexplained."""
    parser = argparse.ArgumentParser(
        prog="python -m aidner.corpus.consistency",
        description="Flag strings annotated with different labels, or annotated in one "
                    "place and left unannotated in another.")
    parser.add_argument("files", nargs="+", help="doccano JSONL or inline-markup JSONL files")
    parser.add_argument("--explained", help="TSV of surface<TAB>kind<TAB>reason "
                                            "(e.g. corpus/consistency_explained.tsv)")
    parser.add_argument("--top", type=int, default=30, help="findings to print (default 30)")
    parser.add_argument("--examples", type=int, default=3, help="examples per finding")
    args = parser.parse_args(argv)

    from aidner.corpus.errors import CorpusError

    records: list[dict] = []
    try:
        for path in args.files:
            records.extend(read_annotated(path))
        explained = load_explained(args.explained) if args.explained else None
    except (CorpusError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    findings = check_consistency(records, explained=explained, max_examples=args.examples)
    open_findings = [f for f in findings if f.explained is None]
    done = [f for f in findings if f.explained is not None]

    n_chars = sum(len(r["text"]) for r in records)
    n_surfaces = len({r["text"][e["start_offset"]:e["end_offset"]]
                      for r in records for e in r.get("entities", [])})
    print(f"{len(records)} documents, {n_chars} characters, {n_surfaces} distinct annotated strings")
    for kind in KINDS:
        of_kind = [f for f in findings if f.kind == kind]
        print(f"  {kind}: {sum(f.explained is None for f in of_kind)} open "
              f"({sum(f.count for f in of_kind if f.explained is None)} occurrences), "
              f"{sum(f.explained is not None for f in of_kind)} explained")
    if open_findings:
        print(f"\ntop {min(args.top, len(open_findings))} of {len(open_findings)} open findings:")
        for finding in open_findings[:args.top]:
            print(finding.describe())
    if done:
        print(f"\nexplained ({len(done)}):")
        for finding in done[:args.top]:
            print(f"  [{finding.kind}] {finding.surface!r} x{finding.count}: {finding.explained}")
    return 1 if open_findings else 0


if __name__ == "__main__":
    sys.exit(main())
