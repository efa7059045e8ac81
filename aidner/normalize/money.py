"""MONEY mentions -> {"yuan", "approximate", "per_unit"}.

985万元 -> 9850000.0; 1.2亿元 -> 120000000.0; 7.422 万元 -> 74220.0; 269万 -> 2690000.0;
3184余万元 -> 31840000.0 (approximate); 110万元/辆 -> 1100000.0 per 辆. Amounts in another
currency (美元, 港元 ...) or without a readable number give None.
"""
from __future__ import annotations

import re

from aidner.normalize.numbers import CN_DIGITS, CN_UNITS, halfwidth, parse_number

APPROX_PREFIXES = ("大约", "将近", "接近", "超过", "约合", "约", "近", "逾", "超", "多达")
APPROX_SUFFIXES = ("左右", "上下", "以上", "余", "多", "来")
_FOREIGN = ("美元", "美金", "港元", "港币", "欧元", "日元", "英镑", "澳元", "卢布", "韩元")
_NUM_CHARS = r"\d.," + CN_DIGITS + CN_UNITS + "壹贰叁肆伍陆柒捌玖"
_MONEY = re.compile(
    r"(?P<pre>(?:" + "|".join(APPROX_PREFIXES) + r"|共计|合计|累计|总计|共|达|价值|人民币)*)"
    r"(?P<num>[" + _NUM_CHARS + r"余多]+?)"
    r"(?P<approx>余|多|左右|上下)?"
    r"(?P<cur>元人民币|元|块钱|块|人民币)?"
    r"(?P<post>左右|上下|以上)?"
    r"(?:(?:/|每)(?P<per>[^\d/]{1,4}))?$")


def normalize_money(text: str) -> dict | None:
    """{"yuan": float, "approximate": bool, "per_unit": str | None} of a MONEY span, or None
    when no amount in yuan can be read from it."""
    if not isinstance(text, str):
        return None
    clean = halfwidth(text).replace(" ", "").strip()
    if not clean or any(cur in clean for cur in _FOREIGN):
        return None
    match = _MONEY.match(clean)
    if not match:
        return None
    num = match.group("num")
    approximate = bool(match.group("approx") or match.group("post")
                       or any(p in match.group("pre") for p in APPROX_PREFIXES))
    # 余/多 inside the number (3184余万, 5000万余, 1亿多): drop them, remember approximation
    if "余" in num or "多" in num:
        approximate = True
        num = num.replace("余", "").replace("多", "")
    value = parse_number(num)
    if value is None:
        return None
    per = match.group("per")
    return {"yuan": float(value), "approximate": approximate,
            "per_unit": per.strip() if per else None}
