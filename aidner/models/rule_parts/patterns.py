"""Money, count and date grammars (regular expressions over the original text)."""
from __future__ import annotations

import re

from aidner.models.rule_parts import lexicons
from aidner.models.rule_parts.spans import Cand

_CN_DIGIT = "零〇一二两三四五六七八九"
_CN_NUM = f"[{_CN_DIGIT}十百千万亿]+"
_AR_NUM = r"\d+(?:[.,．]\d+)*"
_NUM = rf"(?:{_AR_NUM}|{_CN_NUM})"
_APPROX = r"(?:\s?[余多])?"

MEASURES = ("人次|台次|例次|场次|座次|批次|床次|诊次|门次|车次|架次|"
            "人|名|例|项|家|个|次|场|座|批|张|辆|套|所|对|条|台|位|支|篇|件|块|本|册|间|栋|处|"
            "种|类|组|床|节|轮|届|份|盒|箱|剂|袋|只|户|期次|吨")
_MEASURE_ALT = "(?:" + "|".join(sorted(MEASURES.split("|"), key=len, reverse=True)) + ")"

_COUNT_RE = re.compile(
    rf"(?<![\d.第])([近约]\s?)?({_NUM}){_APPROX}(?:\s?[万亿])?{_APPROX}\s?({_MEASURE_ALT})")
_MONEY_RE = re.compile(
    rf"(?<![\d.])(?:[近约]\s?)?{_NUM}{_APPROX}\s?(?:[万亿千百]\s?)?{_APPROX}\s?"
    rf"(?:美元|港元|欧元|元)(?:\s?/\s?[\u4e00-\u9fff])?")
_BARE_WAN_RE = re.compile(rf"(?<![\d.])(?:[近约]\s?)?{_AR_NUM}{_APPROX}\s?[万亿]{_APPROX}"
                          r"(?=[\s,，。;；、)）]|$)")
_MONEY_CONTEXT = re.compile(r"资金|经费|资|款|投入|拨|捐|援助|价值|费用|元")

_Y = r"(?<!\d)(?:19|20)\d{2}"
_QUAL = (r"(?:上半年|下半年|年初|年底|年末|年中|中旬|上旬|下旬|上午|下午|中午|晚上|凌晨|傍晚|"
         r"春季|夏季|秋季|冬季|春天|夏天|秋天|冬天|晚间|夜间|第[一二三四]季度|[一二三四]季度|初|底|末|晚(?![期年辈会餐]))")
_YMD = rf"{_Y}\s?年(?:\s?\d{{1,2}}\s?月(?:份)?(?:\s?\d{{1,2}}\s?[日号])?)?"
_MD = r"(?<![\d.])\d{1,2}\s?月(?:份)?(?:\s?\d{1,2}\s?[日号])?"
_ONE = rf"(?:{_YMD}|{_MD}|(?<![\d.])\d{{1,2}}\s?[日号])(?:\s?{_QUAL})?"
_RANGE_SEP = r"\s?(?:-|—|–|~|～|至|到)\s?"
_DATE_RE = re.compile(
    rf"{_Y}\s?(?:-|—|–|~|～|至|到)\s?(?:19|20)\d{{2}}(?:\s?年)?(?!\d)"
    rf"|(?:{_YMD}|{_MD})(?:\s?{_QUAL})?(?:{_RANGE_SEP}{_ONE})?")
_PLAN_RE = re.compile(r"十[一二三四五六七八九]五")
#: a month, day or qualifier written right after a relative year (今年4月, 去年9月7日上午,
#: 今年上半年): one DATE
_AFTER_RELATIVE = re.compile(rf"(?:\s?(?:{_MD}|(?<![\d.])\d{{1,2}}\s?[日号]))?(?:\s?{_QUAL})?")
_MEASURE_AFTER_GE = re.compile(r"个(?:月|小时|星期|工作日|多月|半月)")


def find_numbers(text: str) -> list[Cand]:
    """MONEY, COUNT and DATE candidates."""
    out: list[Cand] = []
    for m in _MONEY_RE.finditer(text):
        out.append(Cand(m.start(), m.end(), "MONEY", 0.9))
    for m in _BARE_WAN_RE.finditer(text):
        if _MONEY_CONTEXT.search(text, max(0, m.start() - 10), m.start()):
            out.append(Cand(m.start(), m.end(), "MONEY", 0.7))
    for m in _COUNT_RE.finditer(text):
        num = m.group(2)
        if not any(ch.isdigit() for ch in num) and not _valid_cn_number(num):
            continue
        if num == "一":
            continue
        if m.group(3) == "个" and _MEASURE_AFTER_GE.match(text, m.end() - 1):
            continue
        out.append(Cand(m.start(), m.end(), "COUNT", 0.85))
    for m in _DATE_RE.finditer(text):
        out.append(Cand(m.start(), m.end(), "DATE", 0.9))
    for m in _PLAN_RE.finditer(text):
        out.append(Cand(m.start(), m.end(), "DATE", 0.7))
    for m in lexicons.regex("relative_dates").finditer(text):
        more = _AFTER_RELATIVE.match(text, m.end())
        out.append(Cand(m.start(), more.end() if more else m.end(), "DATE", 0.7))
    for m in lexicons.regex("named_days").finditer(text):
        out.append(Cand(m.start(), m.end(), "DATE", 0.7))
    return out


def _valid_cn_number(num: str) -> bool:
    """Chinese numerals must contain a digit word (两/三...) or start with 十: not 千家, 万户."""
    return any(ch in _CN_DIGIT for ch in num) or num.startswith("十")
