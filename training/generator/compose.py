"""Paragraph assembly: choose a paragraph kind, run clause builders in order, join them.

Each kind mirrors a shape found in aid reports: narrative paragraphs, numbered
lists (一是…二是…), expert profiles, photo captions, headings and source lines,
several partnerships in one paragraph, statistics, money, quotes. The
composer decides, clause by clause, how the subject is written: named, as a
pronoun (该院), left out within the same sentence (the relation still holds),
left unstated (no relation) or as 我院 / 我县 (no relation).
"""
from __future__ import annotations

import math
import random

from training.generator import phrases as ph
from training.generator.clauses import REGISTRY
from training.generator.context import FIRST_PERSON, NAMED, PRONOUN, UNSTATED, ZERO, Ctx, Style
from training.generator.pieces import Mention, Sentence
from training.generator.scenario import Scenario

#: paragraph kinds and their weights
KINDS: dict[str, float] = {
    "narrative": 0.33, "numbered": 0.08, "profile": 0.09, "caption": 0.06, "heading": 0.09,
    "multi": 0.03, "stats": 0.05, "money": 0.10, "quote": 0.04, "visit": 0.05, "long": 0.04,
    "plain": 0.07, "dept_heading": 0.03,
}

#: builders that produce no relation (for paragraphs where entities co-occur without links)
PLAIN_POOL: dict[str, float] = {
    "policy": 3.0, "place_filler": 2.0, "stats": 2.0, "institutions": 1.0, "growth": 1.0,
    "key_specialties": 1.0, "generic_words": 1.0, "news_lead": 1.0, "national_policy": 1.0, "plan": 0.5,
    "patient": 0.8, "equipment": 0.8, "money_without_giver": 1.0, "contact_without_aid": 1.0,
    "trainees": 1.0, "slogan": 0.6, "coined_pair": 0.5, "dept_as_modifier": 0.8,
}

#: clause builders a narrative draws from, with weights (the registry's own weights)
NARRATIVE_POOL: tuple[str, ...] = tuple(name for name, b in REGISTRY.items() if b.weight > 0)

OPENERS: dict[str, float] = {
    "pair_statement": 0.18, "pair_recip_subject": 0.06, "sends_count": 0.07, "funds_give": 0.06,
    "build_help": 0.05, "policy": 0.12, "place_filler": 0.06, "news_lead": 0.04, "national_policy": 0.05,
    "region_for_institutions": 0.05, "multi_pair": 0.04, "delegation": 0.05, "sends_person": 0.04,
    "funds_recipient": 0.03, "slogan": 0.02, "coined_pair": 0.02,
}


#: ASSISTS needs a verb of aid or pairing in the clause (SCHEMA v1.1); a clause without one loses it
AID_VERBS: tuple[str, ...] = (
    "帮扶", "支援", "结对", "托管", "援建", "捐建", "共建", "捐赠", "捐资", "援助", "帮助", "协助", "援派",
    "投入", "拨付", "资助", "扶持", "导入", "输送", "共同建设", "支持")


def _weighted(rng: random.Random, table: dict[str, float]) -> str:
    names = list(table)
    return rng.choices(names, weights=[table[n] for n in names], k=1)[0]


def target_length(rng: random.Random) -> int:
    """A paragraph length drawn around 150 characters (20 to 600)."""
    return int(min(560, max(40, math.exp(rng.gauss(math.log(145), 0.55)))))


class Composer:
    """Writes one paragraph as a `Sentence` (text pieces, mentions, relations)."""

    def __init__(self, rng: random.Random, scenario: Scenario | None = None,
                 style: Style | None = None) -> None:
        self.rng = rng
        self.sc = scenario or Scenario(rng)
        self.style = style or Style.sample(rng)
        self.ctx = Ctx(rng, self.sc, self.style)
        self.first_person = rng.random() < 0.07
        self.filler_rate = rng.choice([0.2, 0.4, 0.6, 0.75])

    # ------------------------------------------------------------ running builders
    def run(self, name: str, mode: str = NAMED) -> Sentence:
        """Run one builder with a subject mode and make its named mentions the topics."""
        ctx = self.ctx
        ctx.mode = mode
        ctx.subject_role = None
        sentence = REGISTRY[name].fn(ctx)
        if not any(verb in sentence.text() for verb in AID_VERBS):
            sentence.relations = [r for r in sentence.relations if r[1] != "ASSISTS"]
        ctx.commit(sentence.mentions())
        ctx.mode = NAMED
        return sentence

    def choose_mode(self, name: str, prev_role: str | None, joinable: bool) -> str:
        """How the next clause writes its subject."""
        role = REGISTRY[name].role
        rng = self.rng
        if role not in ("helper", "recip"):
            return NAMED
        if self.first_person and role == "helper" and rng.random() < 0.6:
            return FIRST_PERSON
        has_topic = role in self.ctx.topic
        r = rng.random()
        if joinable and prev_role == role and has_topic and r < 0.35:
            return ZERO
        if has_topic and r < 0.55:
            return PRONOUN
        if not has_topic and r < 0.2:
            return UNSTATED
        return NAMED

    def pick_builder(self, exclude: tuple[str, ...] = ()) -> str:
        """A builder for the next narrative clause, by registry weight."""
        names = [n for n in NARRATIVE_POOL if n not in exclude]
        return self.rng.choices(names, weights=[REGISTRY[n].weight for n in names], k=1)[0]

    # ------------------------------------------------------------ paragraph kinds
    def paragraph(self, kind: str | None = None) -> Sentence:
        """A whole paragraph of `kind` (random by KINDS when None)."""
        kind = kind or _weighted(self.rng, KINDS)
        return getattr(self, "_" + kind)()

    def _chain(self, para: Sentence, target: int, max_clauses: int, first: str | None = None,
               pool_exclude: tuple[str, ...] = ()) -> Sentence:
        rng = self.rng
        prev_role: str | None = None
        n = 0
        while n < max_clauses and (n == 0 or len(para) < target):
            name = first if (n == 0 and first) else self.pick_builder(pool_exclude)
            joinable = n > 0 and len(para) < target * 0.8
            mode = self.choose_mode(name, prev_role, joinable)
            sentence = self.run(name, mode)
            if not sentence.text():
                n += 1
                continue
            if n > 0 and len(para) + len(sentence) > 585:
                break
            if n > 0:
                para.add("，" if mode == ZERO else rng.choice(["。", "。", "。", "。", "；"]))
            para.add(sentence)
            prev_role = self.ctx.subject_role
            n += 1
            if rng.random() < self.filler_rate and len(para) < target:
                para.add(rng.choice(["。", "。", "，"]), self.ctx.fresh(lambda: ph.policy_sentence(rng)))
                prev_role = None
        return para.add(rng.choice(["。", "。", "。", "。", "。", "！", ""]) if len(para) > 20 else "。")

    def _narrative(self) -> Sentence:
        return self._chain(Sentence(), target_length(self.rng), 9, _weighted(self.rng, OPENERS))

    def _plain(self) -> Sentence:
        rng = self.rng
        para = Sentence()
        target = target_length(rng)
        n = 0
        while n < 7 and (n == 0 or len(para) < target):
            sentence = self.run(_weighted(rng, PLAIN_POOL))
            if n and len(para) + len(sentence) > 585:
                break
            if n:
                para.add(rng.choice(["。", "。", "；", "，"]))
            para.add(sentence)
            n += 1
        return para.add("。")

    def _dept_heading(self) -> Sentence:
        """`胸痛中心：…` — a department named as the paragraph's label takes the BUILDS the paragraph states."""
        rng = self.rng
        body = self.run(rng.choice(["build_help", "build_recipient", "place_centre"]))
        built = [(h, t) for h, rtype, t in body.relations if rtype == "BUILDS"]
        if not built:
            return self._narrative()
        dept = built[0][1]
        label = Mention(dept.surface, "DEPARTMENT")
        para = Sentence().add(label, rng.choice(["：", "：", ": "]), body)
        for head, tail in built:
            if tail.surface == dept.surface:
                para.rel(head, "BUILDS", label)
        if rng.random() < 0.6:
            para.add(rng.choice(["，", "。"]), self.ctx.fresh(lambda: ph.policy_sentence(rng)))
        return para.add("。")

    def _long(self) -> Sentence:
        target = self.rng.randint(300, 560)
        para = self._chain(Sentence(), target, 16, _weighted(self.rng, OPENERS))
        return para

    def _numbered(self) -> Sentence:
        rng = self.rng
        para = Sentence()
        if rng.random() < 0.6:
            lead = rng.choice(ph.HEADINGS) if rng.random() < 0.5 else self.ctx.fresh(lambda: ph.policy_sentence(rng))
            para.add(lead, "。")
        if rng.random() < 0.4:
            para.add(self.run(_weighted(rng, {"pair_statement": 3, "sends_count": 1, "funds_give": 1,
                                              "region_for_institutions": 1})), "。")
        markers = rng.choice(ph.LIST_MARKERS)
        k = rng.choice([2, 3, 3, 4])
        for i in range(k):
            para.add(markers[i])
            if rng.random() < 0.5:
                para.add(rng.choice(ph.ITEM_HEADS), "。")
            name = self.pick_builder(("multi_pair",))
            role = REGISTRY[name].role
            mode = NAMED
            if role in ("helper", "recip"):
                mode = UNSTATED if rng.random() < 0.45 else (FIRST_PERSON if self.first_person else NAMED)
            para.add(self.run(name, mode))
            if rng.random() < 0.4:
                extra = (lambda: ph.actions(rng, 1)) if rng.random() < 0.5 else (lambda: ph.result(rng))
                para.add("，", self.ctx.fresh(extra))
            para.add("。" if rng.random() < 0.8 else "；")
        return para

    def _profile(self) -> Sentence:
        rng = self.rng
        para = self.run("profile_intro")
        for _ in range(rng.choice([0, 1, 1, 2, 2, 3, 4])):
            para.add(rng.choice(["。", "。", "；", "，"]), self.run("profile_body"))
        return para.add("。")

    def _caption(self) -> Sentence:
        para = self.run("caption")
        return para.add(self.rng.choice(["", "", "。"]))

    def _heading(self) -> Sentence:
        rng = self.rng
        name = rng.choices(["heading", "headline_pair", "source_line", "boilerplate"],
                           weights=[0.45, 0.3, 0.15, 0.1], k=1)[0]
        return self.run(name)

    def _multi(self) -> Sentence:
        rng = self.rng
        para = Sentence()
        if rng.random() < 0.5:
            para.add(self.run("region_for_institutions"), "。")
        para.add(self.run(rng.choice(["multi_pair", "multi_pair", "helper_many_recips"])), "。")
        if rng.random() < 0.5:
            para.add(self.run(rng.choice(["policy", "stats", "place_filler", "build_help", "sends_count"])), "。")
        return para

    def _stats(self) -> Sentence:
        rng = self.rng
        para = Sentence()
        if rng.random() < 0.4:
            para.add(self.run(rng.choice(["sends_count", "pair_statement", "policy"])), "。")
        para.add(self.run("stats"), "。")
        if rng.random() < 0.5:
            para.add(self.run(rng.choice(["stats", "growth", "institutions", "equipment"])), "。")
        if rng.random() < 0.3:
            para.add(self.ctx.fresh(lambda: ph.policy_sentence(rng)), "。")
        return para

    def _money(self) -> Sentence:
        rng = self.rng
        names = ["funds_give", "funds_recipient", "donation", "money_without_giver"]
        return self._chain(Sentence(), rng.randint(60, 320), 4, rng.choice(names),
                           pool_exclude=("caption",))

    def _quote(self) -> Sentence:
        rng = self.rng
        para = Sentence()
        if rng.random() < 0.4:
            para.add(self.run(rng.choice(["news_lead", "pair_statement", "policy"])), "。")
        para.add(self.run(rng.choice(["quote", "quote", "local_staff"])), "。")
        if rng.random() < 0.4:
            para.add(self.ctx.fresh(lambda: ph.policy_sentence(rng)), "。")
        return para

    def _visit(self) -> Sentence:
        rng = self.rng
        para = self.run("delegation")
        if rng.random() < 0.6:
            para.add("，", self.ctx.fresh(lambda: ph.actions(rng, rng.choice([1, 2]))))
        para.add("。")
        if rng.random() < 0.5:
            para.add(self.run(rng.choice(["contact_without_aid", "pair_statement", "quote", "policy"])), "。")
        return para
