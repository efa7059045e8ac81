"""COUNT mentions -> {"value", "measure", "approximate", "counted"}.

两辆 -> 2 辆; 150余名 -> 150 名 (approximate); 三十余名 -> 30; 8825人次 -> 8825 人次;
3.2万名 -> 32000 名; 近70个 -> 70 (approximate). `counted` is the short noun phrase the text
puts right after the span (20名医疗人才驻点帮扶 -> 医疗人才), None when nothing follows.
"""
from __future__ import annotations

import re

from aidner.normalize.numbers import CN_DIGITS, CN_UNITS, halfwidth, parse_number

APPROX_PREFIXES = ("大约", "将近", "接近", "超过", "约", "近", "逾", "超", "多达")
APPROX_MARKERS = ("左右", "上下", "以上", "余", "多", "来")
_NUM = r"[\d.," + CN_DIGITS + CN_UNITS + r"]+"
_COUNT = re.compile(
    r"(?P<pre>(?:" + "|".join(APPROX_PREFIXES) + r"|共计|累计|共|达|第)*)"
    r"(?P<num>" + _NUM + r")"
    r"(?P<approx>余|多|来)?"
    r"(?P<scale>[万亿千百]?)"
    r"(?P<approx2>余|多)?"
    r"(?P<measure>[^\d" + CN_DIGITS + CN_UNITS + r"]*?)"
    r"(?P<post>左右|上下|以上)?$")

# Where the counted noun phrase ends: punctuation, digits, or a word that starts a verb
# phrase or a new clause (kept short and general on purpose).
_STOP_CHARS = set("，。、；：！？,.;:!?()（）[]【】《》“”\"'‘’ \t\n/|-—~·…0123456789")
# words that end the phrase anywhere, including right after the span
_STOP_WORDS = (
    "和", "及", "与", "或", "等", "在", "到", "赴", "于", "从", "向", "对", "为", "被", "由",
    "将", "已", "均", "共", "并", "也", "都", "的", "是", "有", "再", "又", "前往", "参加",
    "参与", "开展", "进行", "完成", "实施", "接受", "受益", "得到", "建立", "组成", "组建",
    "提供", "挂职", "先后", "分别", "成功", "顺利", "通过", "获得", "担任", "签约", "落户",
    "投入", "使用", "上岗", "覆盖", "合计", "累计", "康复出院", "占用", "建设", "建起", "建成",
    "配备", "配置", "补充", "执行", "负责", "任", "住院手术", "多次",
)
# nouns that begin with a stop word (任务 is not 任 + 务)
_NOUN_EXCEPTIONS = ("任务", "住院医师", "住院患者", "住院病人", "多次元")
# one-character verbs that end the phrase only inside it (分院, 驻村干部, 任务 start nouns)
_STOP_INSIDE = ("分", "驻", "来", "入", "去", "达", "获", "建")
_MAX_COUNTED = 10


def normalize_count(text: str, following: str = "") -> dict | None:
    """{"value": int, "measure": str, "approximate": bool, "counted": str | None} of a COUNT
    span; `following` is the document text right after the span. None when no number."""
    if not isinstance(text, str):
        return None
    clean = halfwidth(text).replace(" ", "").strip()
    match = _COUNT.match(clean) if clean else None
    if not match:
        return None
    num = match.group("num") + match.group("scale")
    value = parse_number(num)
    if value is None and match.group("scale"):
        # 三十万: cn2an reads it as a whole; 3.2万 as digits and scale
        value = parse_number(match.group("num"))
        value = value * {"万": 1e4, "亿": 1e8, "千": 1e3, "百": 1e2}[match.group("scale")] \
            if value is not None else None
    if value is None:
        return None
    approximate = bool(match.group("approx") or match.group("approx2") or match.group("post")
                       or any(p in match.group("pre") for p in APPROX_PREFIXES))
    return {"value": round(value), "measure": match.group("measure"),
            "approximate": approximate, "counted": counted_noun(following)}


def counted_noun(following: str) -> str | None:
    """The short noun phrase at the start of `following` (up to punctuation or a verb)."""
    if not following:
        return None
    text = halfwidth(following[:_MAX_COUNTED * 3])
    if text.startswith(_STOP_WORDS) and not text.startswith(_NOUN_EXCEPTIONS):
        return None
    end = 0
    while end < len(text) and end < _MAX_COUNTED and text[end] not in _STOP_CHARS:
        if end > 0 and text.startswith(_STOP_WORDS + _STOP_INSIDE, end) \
                and not text.startswith(_NOUN_EXCEPTIONS, end):
            break
        end += 1
    return text[:end].strip() or None
