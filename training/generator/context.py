"""Per-paragraph state: the cast, the writing style, and who the current topic is.

Clause builders ask the context for mentions. The context remembers which
actors were already named (later mentions may use short forms) and the last
named helper / recipient / person, so that a following clause can refer back
to it with a pronoun (该院: the relation goes to the named mention), leave the
subject out within the same sentence (the relation still holds), or leave the
actor unstated altogether (no relation).
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass
from typing import Callable

from training.generator import values as vl
from training.generator.actors import Actor, Person
from training.generator.pieces import Mention, Ref
from training.generator.scenario import Scenario

#: subject modes a composer can set before calling a clause builder
NAMED, PRONOUN, ZERO, UNSTATED, FIRST_PERSON = "named", "pronoun", "zero", "unstated", "first_person"

_ZERO_OK = re.compile(r"^(?:<[^<>]*>|\{D\}，?)*\{S\}")


@dataclass
class Style:
    """How a paragraph is typeset (varies between reports)."""

    punct: str = "cn"          # cn: ，；： / ascii: ,;: / spaced: ", " like some web pages
    fullwidth_digits: bool = False
    num_space: bool = False    # "2019 年", "22 人", "7.422 万元"
    ascii_parens: bool = False

    @classmethod
    def sample(cls, rng: random.Random) -> "Style":
        """A random style, mostly the standard one."""
        r = rng.random()
        punct = "cn" if r < 0.78 else ("ascii" if r < 0.9 else "spaced")
        return cls(punct=punct, fullwidth_digits=rng.random() < 0.03, num_space=rng.random() < 0.06,
                   ascii_parens=rng.random() < 0.3)


class Ctx:
    """State shared by the clause builders of one paragraph."""

    def __init__(self, rng: random.Random, scenario: Scenario, style: Style) -> None:
        self.rng = rng
        self.sc = scenario
        self.style = style
        self.mode = NAMED
        self.topic: dict[str, tuple[Mention, Actor | Person]] = {}
        self._seen: dict[int, int] = {}
        self._pending: list[tuple[str | None, Mention, Actor | Person]] = []
        self._last_pron: dict[str, int] = {}
        #: role of the subject the last builder wrote (for zero-subject continuation), or None
        self.subject_role: str | None = None
        self._used_phrases: set[str] = set()

    def fresh(self, make: "Callable[[], str]", tries: int = 5) -> str:
        """A phrase from `make` whose comma-separated parts this paragraph has not used yet."""
        text = make()
        for _ in range(tries):
            parts = [p for p in text.split("，") if len(p) >= 4]
            if not any(p in self._used_phrases for p in parts):
                break
            text = make()
        self._used_phrases.update(p for p in text.split("，") if len(p) >= 4)
        return text

    # ------------------------------------------------------------ mentions
    def m(self, actor: Actor, short: float = 0.25) -> Mention:
        """A fresh mention of `actor`; after its first mention short forms may appear."""
        first = id(actor) not in self._seen
        self._seen[id(actor)] = self._seen.get(id(actor), 0) + 1
        mention = actor.mention(self.rng, first=first, short=short)
        self._pending.append((None, mention, actor))
        return mention

    def named(self, role: str, actor: Actor, short: float = 0.25) -> Mention:
        """A named mention that becomes the topic for `role` (helper / recip)."""
        mention = self.m(actor, short)
        self._pending[-1] = (role, mention, actor)
        return mention

    def person(self, person: Person, role: str = "person") -> Mention:
        """A PERSON mention that becomes the person topic."""
        mention = person.mention()
        self._pending.append((role, mention, person))
        return mention

    def commit(self, placed: list[Mention]) -> None:
        """Make the named mentions that a finished sentence actually contains the new topics."""
        pending = {id(m): (role, who) for role, m, who in self._pending}
        for mention in placed:
            if id(mention) not in pending:
                continue
            role, who = pending[id(mention)]
            if role is not None:
                self.topic[role] = (mention, who)
            for pron in getattr(who, "pronouns", ()):
                self._last_pron[pron] = id(who)
        self._pending.clear()

    def pronoun_for(self, actor: object) -> str | None:
        """A pronoun for `actor` that cannot be read as pointing to a more recent actor."""
        prons = [p for p in getattr(actor, "pronouns", ()) if self._last_pron.get(p) == id(actor)]
        return self.rng.choice(prons) if prons else None

    def subj(self, role: str, actor: Actor | None = None,
             labels: tuple[str, ...] = ("HOSPITAL", "ORG", "REGION")) -> Mention | Ref:
        """The subject of a clause for `role`, written as the current mode says.

        A pronoun or a left-out subject only continues a topic whose label is in
        `labels` (a builder about a hospital department needs a hospital); otherwise
        the subject is named.
        """
        mode = self.mode
        topic = self.topic.get(role)
        if topic is not None and getattr(topic[1], "label", None) not in labels and mode in (ZERO, PRONOUN):
            mode = NAMED
        self.subject_role = None
        if mode == UNSTATED:
            return Ref("", None)
        if mode == FIRST_PERSON:
            return Ref(self.rng.choice(["我院", "我院", "我们", "我县", "我市", "我局", "我区"]), None)
        self.subject_role = role
        if mode == ZERO:
            return Ref("", topic[0] if topic else None)
        if mode == PRONOUN and topic is not None:
            pron = self.pronoun_for(topic[1])
            if pron:
                return Ref(pron, topic[0])
        main = self.sc.main_helper if role == "helper" else self.sc.main_recip
        fallback = self.sc.helper_hospital(0) if role == "helper" else self.sc.recip_hospital()
        for chosen in (actor, topic[1] if topic else None, main, fallback):
            if isinstance(chosen, Actor) and chosen.label in labels:
                return self.named(role, chosen)
        return self.named(role, fallback)

    def ref(self, role: str, actor: Actor, pronoun_p: float = 0.25) -> Mention | Ref:
        """A non-subject slot: the topic's pronoun now and then, else a new named mention."""
        topic = self.topic.get(role)
        if topic is not None and topic[1] is actor and self.rng.random() < pronoun_p:
            pron = self.pronoun_for(actor)
            if pron:
                return Ref(pron, topic[0])
        return self.named(role, actor)

    def pick(self, templates: list[str], subject: object) -> str:
        """A template; when the subject is left out, one that starts with it."""
        if isinstance(subject, Ref) and subject.text == "":
            usable = [t for t in templates if _ZERO_OK.match(t)]
            if usable:
                return self.rng.choice(usable)
        return self.rng.choice(templates)

    # ------------------------------------------------------------ values
    @staticmethod
    def fixed(surface: str, label: str = "COUNT") -> Mention:
        """A mention with a given surface (a COUNT unless told)."""
        return Mention(surface, label)

    def count(self, kind: str = "staff", unit: str | None = None) -> Mention:
        """A COUNT mention."""
        return Mention(vl.count(self.rng, kind, self.style.num_space, unit), "COUNT")

    def money(self, lo: float = 3, hi: float = 30000) -> Mention:
        """A MONEY mention."""
        return Mention(vl.money(self.rng, self.style.num_space, lo, hi), "MONEY")

    def unit_price(self, unit: str) -> Mention:
        """A per-unit MONEY mention (110万元/辆)."""
        return Mention(vl.money_per_unit(self.rng, unit, self.style.num_space), "MONEY")

    def date(self, kind: str | None = None) -> Mention:
        """A DATE mention."""
        return Mention(vl.date(self.rng, kind, self.style.num_space), "DATE")

    def since(self) -> Mention:
        """A DATE that fits 自…以来 / …起."""
        return Mention(vl.start_date(self.rng, self.style.num_space), "DATE")

    def dept(self, name: str) -> Mention:
        """A DEPARTMENT mention, with the paragraph's parenthesis style."""
        if self.style.ascii_parens:
            name = name.replace("（", "(").replace("）", ")")
        else:
            name = name.replace("(", "（").replace(")", "）")
        return Mention(name, "DEPARTMENT")

    def org(self, actor: Actor) -> Mention:
        """A mention of an organisation that plays no role in the partnership."""
        return self.m(actor)
