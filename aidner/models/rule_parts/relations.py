"""Trigger-based relations inside a sentence (clauses split at commas and colons).

ASSISTS: HELPER <aid verb> RECIPIENT (帮扶, 对口支援, 结对, 托管, 援建, 捐赠 …), also
A 对/向/与 B … <verb> and RECIPIENT 依托 HELPER. FUNDS: actor <投入/争取/下拨…> MONEY.
SENDS: actor <派出/选派…> COUNT/PERSON (not trainees). BUILDS: actor <建立/成立…> DEPARTMENT.
WORKS_FOR / SERVES_AT: a person and the institutions around the name.
"""
from __future__ import annotations

import re
from bisect import bisect_left

from aidner.document import Entity, Relation
from aidner.models.rule_parts import lexicons

ACTOR = frozenset({"HOSPITAL", "ORG", "REGION"})
_SENT_RE = re.compile(r"[^。！？!?；;\n]+[。！？!?；;]*")
_CLAUSE_BREAKS = ",，:：;；。！？!?\n"
_RECIPIENT_MARK = re.compile(r"(?:对|向|为|给|与|跟|在|到|赴|前往|来到|深入|援派到|派驻|帮扶|支援|援建|托管|"
                             r"帮助|协助|结对|捐赠|援助)\s?[“\"]?$")
_TAIL_GAP = re.compile(r"^\s?[“\"”]?(?:了|的|给|到|在|于|过)?[“\"”]?\s?$")
_WORKS_GAP_BAD = re.compile(r"[,，。;；:：以对向为给和与由被在到赴]|患者|群众")
_COORD = re.compile(r"^\s*(?:、|和|与|及|以及|会同|联合|,|，)?\s*$")
_PRONOUN = re.compile(r"我们|我县|我市|我区|我州|我院|该县|该院")
_QUOTE_PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』", "‘": "’"}


def _quoted(text: str) -> bytearray:
    """1 for characters inside quotation marks or book-title marks."""
    mask = bytearray(len(text))
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in _QUOTE_PAIRS:
            stack.append((_QUOTE_PAIRS[ch], i))
        elif stack and ch == stack[-1][0]:
            _, j = stack.pop()
            if i - j <= (100 if ch == "》" else 30):
                for k in range(j, i + 1):
                    mask[k] = 1
        elif ch in "\n。" and stack:
            stack.clear()
    return mask


class RelationFinder:
    def __init__(self) -> None:
        self.assist_re = lexicons.regex("assist_triggers")
        self.reverse_re = lexicons.regex("assist_reverse_triggers")
        self.fund_re = lexicons.regex("fund_triggers")
        self.send_re = lexicons.regex("send_triggers")
        self.build_re = lexicons.regex("build_triggers")
        self.trainee_re = lexicons.regex("trainee_cues")

    # -- helpers ---------------------------------------------------------------------------
    def find(self, text: str, ents: list[Entity]) -> list[Relation]:
        if not ents:
            return []
        quoted = _quoted(text)
        self._quoted = quoted
        free = [e for e in ents if not quoted[e.start]]
        starts = [e.start for e in free]
        rels: list[Relation] = []
        seen = set()

        def add(h: Entity, t: Entity, typ: str) -> None:
            if h is t or h.text == t.text and typ == "ASSISTS":
                return
            key = (h.start, h.end, t.start, t.end, typ)
            if key not in seen:
                seen.add(key)
                rels.append(Relation(h, t, typ, 0.6))

        para_subject: Entity | None = None
        for sm in _SENT_RE.finditer(text):
            ss, se = sm.start(), sm.end()
            if "\n" in text[ss:se]:
                para_subject = None
            lo_i = bisect_left(starts, ss)
            hi_i = bisect_left(starts, se)
            sent = [e for e in free[lo_i:hi_i] if e.end <= se]
            if text[max(0, ss - 1):ss] == "\n":
                para_subject = None
            if not sent:
                continue
            subject = self._subject(text, sent)
            self._sent = sent
            assists_heads: list[Entity] = []
            for cs, ce in self._clauses(text, ss, se):
                clause = [e for e in sent if cs <= e.start and e.end <= ce]
                self._assists(text, cs, ce, clause, subject, add, assists_heads)
                self._funds_sends(text, cs, ce, clause, subject, para_subject, add)
                self._builds(text, cs, ce, clause, subject, assists_heads, add)
            self._people(text, sent, add)
            if subject is not None:
                para_subject = subject
        self._heading_builds(text, free, rels, add)
        self._serves(text, free, add)
        return rels

    def _clauses(self, text, ss, se):
        start = ss
        for i in range(ss, se):
            if text[i] in _CLAUSE_BREAKS:
                if i > start:
                    yield start, i
                start = i + 1
        if start < se:
            yield start, se

    def _is_recipient(self, text, ent: Entity) -> bool:
        return bool(_RECIPIENT_MARK.search(text[max(0, ent.start - 4):ent.start]))

    def _subject(self, text, sent: list[Entity]) -> Entity | None:
        for e in sent:
            if e.label == "PERSON":
                return None
            if e.label in ACTOR and not self._is_recipient(text, e):
                return e
        return None

    def _coordinated(self, text, ents: list[Entity], first: int, forward=True) -> list[Entity]:
        """ents[first] and the actors joined to it by 、/和/与/及."""
        out = [ents[first]]
        k = first
        while True:
            nk = k + 1 if forward else k - 1
            if not 0 <= nk < len(ents) or ents[nk].label not in ACTOR:
                break
            a, b = (ents[k], ents[nk]) if forward else (ents[nk], ents[k])
            if not _COORD.match(text[a.end:b.start]):
                break
            out.append(ents[nk])
            k = nk
        return out

    # -- relation types ----------------------------------------------------------------------
    def _assists(self, text, cs, ce, clause, subject, add, assists_heads):
        actors = [e for e in clause if e.label in ACTOR]
        persons = [e for e in clause if e.label == "PERSON"]
        for m in self.assist_re.finditer(text, cs, ce):
            ts, te = m.start(), m.end()
            if self._quoted[ts] or any(e.start <= ts < e.end for e in clause):
                continue
            after = [i for i, e in enumerate(actors) if e.start >= te]
            before = [i for i, e in enumerate(actors) if e.end <= ts]
            tails: list[Entity] = []
            heads: list[Entity] = []
            gap = text[te:actors[after[0]].start] if after else ""
            if after and (_TAIL_GAP.match(gap) or m.group() == "捐赠" and len(gap) <= 40):
                tails = self._coordinated(text, actors, after[0])
                helpers = [i for i in before if not self._is_recipient(text, actors[i])]
                if helpers:
                    heads = self._coordinated(text, actors, helpers[-1], forward=False)
                elif subject is not None and subject.start < cs:
                    heads = [subject]
            elif before:
                rec = [i for i in before if self._is_recipient(text, actors[i])]
                helpers = [i for i in before if not self._is_recipient(text, actors[i])]
                if rec:
                    tails = self._coordinated(text, actors, rec[0])
                    hs = [i for i in helpers if actors[i].start < actors[rec[0]].start]
                    if hs:
                        heads = self._coordinated(text, actors, hs[-1], forward=False)
                    elif subject is not None and subject.start < cs:
                        heads = [subject]
            for h in heads:
                if any(h.end <= p.start and p.end <= ts for p in persons):
                    continue     # a person between: the person acts, not the institution
                for t in tails:
                    if h.start < t.start or h.start > t.end:
                        add(h, t, "ASSISTS")
                        assists_heads.append(h)
        for m in self.reverse_re.finditer(text, cs, ce):
            after = [e for e in actors if e.start >= m.end() and e.start - m.end() <= 3]
            before = [e for e in actors if e.end <= m.start()]
            tail = before[-1] if before else (subject if subject is not None and subject.start < cs else None)
            if after and tail is not None:
                add(after[0], tail, "ASSISTS")
                assists_heads.append(after[0])

    def _actor_before(self, text, clause, pos, cs, subject, para_subject):
        helpers = [e for e in clause if e.label in ACTOR and e.end <= pos
                   and not self._is_recipient(text, e)]
        if helpers:
            return helpers[-1]
        if subject is not None and subject.start < cs:
            return subject
        if para_subject is not None and _PRONOUN.search(text, cs, pos):
            return para_subject
        return None

    def _nearest_before(self, text, sent, pos):
        """Nearest actor before `pos` in the sentence, helpers preferred."""
        before = [e for e in sent if e.label in ACTOR and e.end <= pos]
        helpers = [e for e in before if not self._is_recipient(text, e)]
        if helpers:
            return helpers[-1]
        return before[-1] if before else None

    def _funds_sends(self, text, cs, ce, clause, subject, para_subject, add):
        for m in self.fund_re.finditer(text, cs, ce):
            money = [e for e in clause if e.label == "MONEY" and e.start >= m.end()]
            if not money or money[0].start - m.end() > 20:
                continue
            head = self._actor_before(text, clause, m.start(), cs, None, para_subject) \
                or self._nearest_before(text, self._sent, m.start())
            if head is not None:
                add(head, money[0], "FUNDS")
        for m in self.send_re.finditer(text, cs, ce):
            if any(e.start <= m.start() < e.end for e in clause):
                continue
            staff = [e for e in clause if e.label in ("COUNT", "PERSON") and e.start >= m.end()]
            staff = [e for e in staff if e.start - m.end() <= 16]
            if not staff or self.trainee_re.search(text, staff[0].end, ce):
                continue
            head = self._actor_before(text, clause, m.start(), cs, None, para_subject) \
                or self._nearest_before(text, self._sent, m.start())
            if head is None:
                continue
            for e in staff:
                if e.label == "COUNT" and re.search(r"[次例项台]$", e.text) and not e.text.endswith("人次"):
                    continue
                add(head, e, "SENDS")

    def _builds(self, text, cs, ce, clause, subject, assists_heads, add):
        for m in self.build_re.finditer(text, cs, ce):
            if any(e.start <= m.start() < e.end for e in clause):
                continue
            depts = [e for e in clause if e.label == "DEPARTMENT" and e.start >= m.end()]
            if m.group() in ("帮扶", "扶持") and not depts:
                depts = [e for e in clause if e.label == "DEPARTMENT" and e.end <= m.start()]
                if not depts or "等" not in text[depts[-1].end:m.start()]:
                    continue
            if not depts:
                continue
            heads = []
            if subject is not None:
                heads.append(subject)
            for h in assists_heads:
                if h not in heads:
                    heads.append(h)
            for h in heads:
                for d in depts:
                    add(h, d, "BUILDS")

    def _heading_builds(self, text, ents, rels, add):
        """`冠心病介入诊疗中心: 宁海县第一医院…建设…` — the heading department is built by the
        helpers of the paragraph's first relation."""
        for e in ents:
            if e.label != "DEPARTMENT" or not re.match(r"\s?[:：]", text[e.end:e.end + 2]):
                continue
            line_start = text.rfind("\n", 0, e.start) + 1
            if text[line_start:e.start].strip() or not re.match(r"\s?[:：]", text[e.end:e.end + 2]):
                continue
            line_end = text.find("\n", e.end)
            line_end = len(text) if line_end == -1 else line_end
            heads = []
            for r in rels:
                if r.type in ("ASSISTS", "BUILDS") and line_start <= r.head.start < line_end \
                        and r.head not in heads:
                    heads.append(r.head)
            for h in heads:
                add(h, e, "BUILDS")

    def _people(self, text, sent, add):
        persons = [e for e in sent if e.label == "PERSON"]
        for p in persons:
            # own institution: right before the name (…医院心内科主任医师张永满) or after a colon
            before = [e for e in sent if e.end <= p.start and e.label in ("HOSPITAL", "ORG")
                      and p.start - e.end <= 10 and not _WORKS_GAP_BAD.search(text[e.end:p.start])]
            if before:
                add(p, before[-1], "WORKS_FOR")
            colon = re.match(r"\s?[:：]\s?", text[p.end:p.end + 3])
            if colon:
                after = [e for e in sent if e.start >= p.end and e.label in ("HOSPITAL", "ORG")]
                if after and after[0].start - p.end <= 4:
                    add(p, after[0], "WORKS_FOR")

    def _serves(self, text, ents, add):
        """Places served: after a person in the same paragraph, led by 在/赴/前往/到/挂职…,
        and the places coordinated with them (赴黔南、毕节)."""
        for i, p in enumerate(ents):
            if p.label != "PERSON":
                continue
            line_end = text.find("\n", p.end)
            line_end = len(text) if line_end == -1 else line_end
            last = None
            for e in ents[i + 1:]:
                if e.start >= line_end:
                    break
                if e.start <= p.end:
                    continue
                if e.label == "PERSON":
                    break
                if e.label not in ("HOSPITAL", "REGION"):
                    last = None
                    continue
                if re.search(r"(?:在|赴|前往|到|挂职|来到|深入|援派到|支援|带领)\s?$",
                             text[max(0, e.start - 3):e.start]) \
                        or last is not None and re.fullmatch(r"[、和及与]", text[last.end:e.start]):
                    add(p, e, "SERVES_AT")
                    last = e
                else:
                    last = None
