"""Building blocks of generated text: mentions, references, templates, sentences.

A template is a string with entity slots ``{H}`` and random alternations
``<派出|选派|派驻>`` (alternations may nest and may contain slots). Rendering a
template with slot values gives a `Sentence`: a list of pieces (plain strings
and `Mention`s) plus relations between mentions. Relations are declared on
slot names and kept only for slots the chosen variant actually uses, so a
variant that drops an entity also drops its relations.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Iterable, Union

_EDGE = set(" \t\r\n\u3000，。、；：！？,.;:!?“”\"'‘’")
_ALT = re.compile(r"<([^<>]*)>")
_SLOT = re.compile(r"\{(\w+)\}")


class Mention:
    """One entity occurrence: its surface text and label (identity matters, not equality)."""

    __slots__ = ("surface", "label")

    def __init__(self, surface: str, label: str) -> None:
        if not surface or surface[0] in _EDGE or surface[-1] in _EDGE:
            raise ValueError(f"bad entity surface {surface!r}")
        if any(ch in surface for ch in "[]|"):
            raise ValueError(f"entity surface {surface!r} contains markup characters")
        self.surface = surface
        self.label = label

    def __repr__(self) -> str:
        return f"Mention({self.surface!r}, {self.label})"


class Ref:
    """Text that stands for an entity without naming it: a pronoun (该院) or nothing.

    Relations on a Ref go to `target`, the named mention it points back to; a
    Ref with no target (an unstated actor) drops its relations.
    """

    __slots__ = ("text", "target")

    def __init__(self, text: str, target: Mention | None) -> None:
        self.text = text
        self.target = target

    def __repr__(self) -> str:
        return f"Ref({self.text!r} -> {self.target!r})"


class Seq:
    """A list of items written with separators: 儿科、产科和急诊科."""

    __slots__ = ("items", "parts")

    def __init__(self, items: list, rng: random.Random | None = None, sep: str = "、",
                 last: str | None = None) -> None:
        self.items = list(items)
        if last is None:
            last = sep
            if rng is not None and len(self.items) > 1:
                last = rng.choice([sep, sep, sep, "和", "及"])
        parts: list = []
        for i, item in enumerate(self.items):
            if i:
                parts.append(last if i == len(self.items) - 1 else sep)
            parts.append(item)
        self.parts = parts


SlotValue = Union[str, Mention, Ref, Seq, "Sentence"]


@dataclass
class Sentence:
    """Pieces of text and mentions, with relations between mentions."""

    pieces: list = field(default_factory=list)
    relations: list = field(default_factory=list)  # (Mention, type, Mention)

    def text(self) -> str:
        """The plain text of the sentence."""
        return "".join(p if isinstance(p, str) else p.surface for p in self.pieces)

    def __len__(self) -> int:
        return len(self.text())

    def add(self, *items: Union[str, Mention, "Sentence"]) -> "Sentence":
        """Append text, mentions or whole sentences (their relations come along)."""
        for item in items:
            if isinstance(item, Sentence):
                self.pieces.extend(item.pieces)
                self.relations.extend(item.relations)
            elif isinstance(item, (str, Mention)):
                self.pieces.append(item)
            else:
                raise TypeError(item)
        return self

    def rel(self, head: Mention | Ref | None, rtype: str, tail: Mention | Ref | None) -> "Sentence":
        """Add a relation; references resolve to their target, missing ends drop it."""
        for h in targets(head):
            for t in targets(tail):
                self.relations.append((h, rtype, t))
        return self

    def mentions(self) -> list[Mention]:
        """The mentions in order of appearance."""
        return [p for p in self.pieces if isinstance(p, Mention)]


def targets(value: object) -> list[Mention]:
    """The mentions a slot value stands for (a Ref's target, a Seq's mentions)."""
    if isinstance(value, Mention):
        return [value]
    if isinstance(value, Ref):
        return [value.target] if value.target is not None else []
    if isinstance(value, Seq):
        out: list[Mention] = []
        for item in value.items:
            out.extend(targets(item))
        return out
    return []


def choose_alternations(rng: random.Random, template: str) -> str:
    """Resolve every ``<a|b|c>`` (innermost first) to one of its options."""
    while True:
        match = _ALT.search(template)
        if match is None:
            return template
        options = match.group(1).split("|")
        template = template[:match.start()] + rng.choice(options) + template[match.end():]


def render(rng: random.Random, template: str, slots: dict[str, SlotValue],
           relations: Iterable[tuple[str, str, str]] = ()) -> Sentence:
    """Fill a template's slots; keep the relations whose two slots the chosen variant uses."""
    chosen = choose_alternations(rng, template)
    sentence = Sentence()
    used: set[str] = set()
    pos = 0
    for match in _SLOT.finditer(chosen):
        if match.start() > pos:
            sentence.pieces.append(chosen[pos:match.start()])
        name = match.group(1)
        if name not in slots:
            raise KeyError(f"template {template!r} uses unknown slot {name!r}")
        value = slots[name]
        if name in used and not isinstance(value, str):
            raise ValueError(f"slot {name!r} used twice in {template!r}")
        used.add(name)
        _place(sentence, value)
        pos = match.end()
    if pos < len(chosen):
        sentence.pieces.append(chosen[pos:])
    for head, rtype, tail in relations:
        if head in used and tail in used:
            for h in targets(slots[head]):
                for t in targets(slots[tail]):
                    sentence.relations.append((h, rtype, t))
    return sentence


def _place(sentence: Sentence, value: SlotValue) -> None:
    if isinstance(value, str):
        sentence.pieces.append(value)
    elif isinstance(value, Mention):
        sentence.pieces.append(value)
    elif isinstance(value, Ref):
        if value.text:
            sentence.pieces.append(value.text)
    elif isinstance(value, Seq):
        for part in value.parts:
            _place(sentence, part)
    elif isinstance(value, Sentence):
        sentence.add(value)
    else:
        raise TypeError(f"cannot place slot value {value!r}")



_POST_DEPARTMENTS = ("医务科", "护理部", "医务部", "质控科")


def post_value(post: str) -> "str | Sentence":
    """A post as written after a unit; a leading department (医务科副科长) is a DEPARTMENT mention,
    since any X科 word and any administrative office is DEPARTMENT (SCHEMA.md v1.1)."""
    for dept in _POST_DEPARTMENTS:
        if post.startswith(dept):
            return Sentence().add(Mention(dept, "DEPARTMENT"), post[len(dept):])
    return post
