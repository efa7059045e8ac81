"""Surface forms of MONEY, COUNT and DATE, in the formats reports use.

Each function returns only the entity's own span (the schema's rules: COUNT
keeps 近 / 余 / 多 inside and leaves 共 / 累计 / 达 to the caller's template;
DATE keeps 上半年 / 底 / 上午 and leaves 自 / 于 / 以来 outside).
"""
from __future__ import annotations

import random

_DIGITS = "零一二三四五六七八九"

#: COUNT kinds -> (measure words, low, high)
COUNT_KINDS: dict[str, tuple[tuple[str, ...], int, int]] = {
    "staff": (("名", "名", "名", "人", "人", "位"), 2, 260),
    "staff_small": (("名", "人", "人", "位"), 1, 40),
    "staff_hospital": (("名", "名", "人", "位"), 2, 45),
    "stints": (("人次",), 20, 900),
    "patients": (("人次", "人次", "例", "名", "人"), 20, 60000),
    "visits": (("人次",), 50, 80000),
    "surgeries": (("台", "台次", "例", "例"), 5, 3000),
    "projects": (("项", "项", "个"), 2, 120),
    "techniques": (("项", "项", "个"), 2, 80),
    "institutions": (("家", "家", "个", "所"), 2, 300),
    "events": (("次", "场", "场次", "期", "轮"), 2, 400),
    "batches": (("批", "批次"), 2, 12),
    "beds": (("张",), 6, 300),
    "vehicles": (("辆",), 1, 30),
    "devices": (("台", "台", "套", "件"), 1, 60),
    "villages": (("个",), 3, 300),
    "papers": (("篇",), 2, 60),
    "pairs": (("对",), 3, 120),
    "lectures": (("场", "场次", "座次", "次"), 3, 500),
    "trained": (("人次", "人次", "名", "人"), 20, 30000),
    "disciplines": (("个",), 2, 70),
    "departments": (("个",), 2, 12),
}


def cn_int(n: int, liang: bool = True) -> str:
    """Chinese numeral for 0 <= n < 100000 (两 for a bare 2 before a measure word when `liang`)."""
    if n < 0 or n >= 100000:
        raise ValueError(n)
    if n < 10:
        return "两" if (n == 2 and liang) else _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    parts = []
    units = [(10000, "万"), (1000, "千"), (100, "百"), (10, "十")]
    rest = n
    zero_pending = False
    started = False
    for value, name in units:
        digit, rest = divmod(rest, value)
        if digit:
            if zero_pending:
                parts.append("零")
                zero_pending = False
            word = "两" if (digit == 2 and liang and value >= 1000) else _DIGITS[digit]
            parts.append(word + name)
            started = True
        elif started:
            zero_pending = True
    if rest:
        if zero_pending:
            parts.append("零")
        parts.append(_DIGITS[rest])
    return "".join(parts)


def _round_number(rng: random.Random, n: int) -> int:
    """Round to a number a report would write with 余 / 多 / 近 (150, 2000, 60)."""
    if n < 20:
        return max(10, n - n % 10) if n >= 10 else n
    magnitude = 10 ** (len(str(n)) - 1)
    step = magnitude if rng.random() < 0.6 else max(10, magnitude // 10) * 5
    return max(step, n - n % step)


def _loguniform(rng: random.Random, lo: int, hi: int) -> int:
    import math
    return int(round(math.exp(rng.uniform(math.log(lo), math.log(hi)))))


def _join(number: str, unit: str, space: bool) -> str:
    return f"{number} {unit}" if space else number + unit


def count(rng: random.Random, kind: str = "staff", space: bool = False,
          unit: str | None = None) -> str:
    """A COUNT surface for `kind` (see COUNT_KINDS): 20名, 150余名, 近70个, 两辆, 1.2万人次."""
    units, lo, hi = COUNT_KINDS[kind]
    unit = unit or rng.choice(units)
    n = _loguniform(rng, lo, hi)
    r = rng.random()
    if n >= 10000 and r < 0.5:
        wan = n / 10000
        text = f"{wan:.1f}".rstrip("0").rstrip(".")
        tail = rng.choice(["万", "万", "万余"]) if unit in ("人次", "名", "人") else "万"
        if tail == "万余":
            text = str(int(wan))
        return _join(text, tail + unit, space)
    if r < 0.14 and n <= 10:
        return cn_int(n) + unit
    if r < 0.2 and 10 <= n < 100:
        tens = cn_int(n - n % 10, liang=False)
        return tens + rng.choice(["余", "多"]) + unit
    if r < 0.38 and n >= 10:
        return _join(str(_round_number(rng, n)) + "余", unit, space) if not space else \
            f"{_round_number(rng, n)} 余{unit}"
    if r < 0.46 and n >= 10:
        return _join(f"{_round_number(rng, n)}多", unit, space) if not space else \
            f"{_round_number(rng, n)} 多{unit}"
    if r < 0.53 and n >= 10:
        return "近" + _join(str(_round_number(rng, n)), unit, space)
    if r < 0.55 and n >= 10:
        return "约" + _join(str(_round_number(rng, n)), unit, space)
    return _join(str(n), unit, space)


def money(rng: random.Random, space: bool = False, lo: float = 3, hi: float = 30000) -> str:
    """A MONEY surface: 985万元, 3184余万元, 7.422 万元, 269万, 1.2亿元, 5000元, 近300万元."""
    amount = _loguniform(rng, int(lo * 10), int(hi * 10)) / 10  # in 万元
    r = rng.random()
    if amount >= 10000 and r < 0.7:
        yi = amount / 10000
        text = f"{yi:.2f}".rstrip("0").rstrip(".")
        if r < 0.1:
            return f"{int(yi)}亿余元"
        return rng.choice(["", "", "", "近", "约"]) + _join(text, "亿元", space)
    if amount < 10 and r < 0.25:
        yuan = int(amount * 10000)
        yuan -= yuan % rng.choice([100, 1000, 10])
        if yuan >= 10000 and rng.random() < 0.3:
            return f"{yuan:,}元"
        return _join(str(yuan), "元", space)
    decimals = rng.choice([0, 0, 0, 1, 1, 2, 3]) if amount < 2000 else 0
    if decimals:
        number = f"{amount:.{decimals}f}"
        if number.endswith("0"):
            number = number.rstrip("0").rstrip(".")
    else:
        number = str(int(round(amount)))
    r = rng.random()
    if r < 0.1:
        return _join(number, "万", space)
    if r < 0.22 and not decimals and amount >= 10:
        return _join(f"{_round_number(rng, int(amount))}余", "万元", space)
    if r < 0.3 and not decimals and amount >= 10:
        return _join(f"{_round_number(rng, int(amount))}多", "万元", space)
    if r < 0.37 and amount >= 10:
        return "近" + _join(str(_round_number(rng, int(amount))), "万元", space)
    if r < 0.42 and amount >= 10:
        return "约" + _join(number, "万元", space)
    if r < 0.45 and amount >= 100 and int(amount) % 100 == 0:
        return cn_int(int(amount), liang=False) + "万元"
    if r < 0.48 and 100 <= amount < 10000:
        rounded = int(amount) - int(amount) % 100
        return cn_int(rounded, liang=False) + "万元" if rounded else _join(number, "万元", space)
    return _join(number, "万元", space)


def money_per_unit(rng: random.Random, unit: str, space: bool = False) -> str:
    """A per-unit price: 110万元/辆, 3.2万元/套, 2000元/人."""
    if unit in ("人", "月") and rng.random() < 0.6:
        return _join(str(rng.choice([500, 800, 1000, 1500, 2000, 3000, 5000])), f"元/{unit}", space)
    value = _loguniform(rng, 5, 2000) / 10
    number = f"{value:.1f}".rstrip("0").rstrip(".")
    return _join(number, f"万元/{unit}", space)


def year(rng: random.Random) -> int:
    """A report year, weighted towards 2018-2023."""
    return rng.choice([2013, 2015, 2016, 2017, 2018, 2018, 2019, 2019, 2020, 2020, 2021, 2021,
                       2022, 2022, 2023, 2023, 2024])


def _y(y: int, space: bool) -> str:
    return f"{y} 年" if space else f"{y}年"


_DATE_KINDS = ("Y", "Y", "YM", "YM", "YM", "YMD", "MD", "MD_PART", "M", "Y_PART", "Y_RANGE",
               "YM_RANGE", "YMD_RANGE", "REL", "REL", "NAMED")


def date(rng: random.Random, kind: str | None = None, space: bool = False) -> str:
    """A DATE surface of `kind` (random when None): 2022年6月, 9月7日上午, 2018-2019年, 今年, 世界卒中日."""
    kind = kind or rng.choice(_DATE_KINDS)
    y = year(rng)
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    if kind == "Y":
        return _y(y, space)
    if kind == "YM":
        return f"{_y(y, space)}{m}月"
    if kind == "YMD":
        return f"{_y(y, space)}{m}月{d}日"
    if kind == "MD":
        return f"{m}月{d}日"
    if kind == "MD_PART":
        return f"{m}月{d}日" + rng.choice(["上午", "下午", "上午", "晚"])
    if kind == "M":
        return rng.choice([f"{m}月", f"{m}月份", f"{m}月中旬", f"{m}月上旬", f"{m}月底", f"{m}月初"])
    if kind == "Y_PART":
        return _y(y, space) + rng.choice(["上半年", "下半年", "底", "初", "年底", "末", "第一季度",
                                         "第三季度", "度"])
    if kind == "Y_RANGE":
        span = rng.randint(1, 3)
        dash = rng.choice(["-", "—", "-", "至", "～"])
        if rng.random() < 0.3:
            return f"{y - span}年{dash}{y}年" if dash != "～" else f"{y - span}年至{y}年"
        return f"{y - span}{dash}{y}年"
    if kind == "YM_RANGE":
        m2 = min(12, m + rng.randint(1, 5))
        dash = rng.choice(["—", "至", "-", "至"])
        if m2 == m or rng.random() < 0.4:
            return f"{y - 1}年{m}月{dash}{y}年{rng.randint(1, 12)}月"
        return f"{y}年{m}月{dash}{m2}月"
    if kind == "YMD_RANGE":
        dash = rng.choice(["—", "至", "-"])
        if rng.random() < 0.5:
            m2 = min(12, m + rng.randint(0, 2))
            d2 = rng.randint(d + 1, 30) if m2 == m else rng.randint(1, 30)
            return f"{y}年{m}月{d}日{dash}{m2}月{d2}日"
        return f"{y}年{m}月{d}日{dash}{y + 1}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日"
    if kind == "REL":
        return rng.choice(["今年", "去年", "今年", "去年", "前年", "今年上半年", "去年底", "今年初",
                           f"今年{m}月", f"去年{m}月", f"{m}月份", "去年下半年", "今年年初"])
    if kind == "NAMED":
        from training.generator.lexicons import NAMED_DAYS
        return rng.choice(NAMED_DAYS)
    if kind == "PLAN":
        from training.generator.lexicons import PLANS
        return rng.choice(PLANS)
    if kind == "BARE_RANGE":
        return f"{y - 2}-{y}" if rng.random() < 0.6 else f"{y - 2}—{y}"
    raise ValueError(kind)


def start_date(rng: random.Random, space: bool = False) -> str:
    """A DATE that reads well after 自 / 从 and before 以来 / 起 (a year or a month)."""
    if rng.random() < 0.85:
        return date(rng, rng.choice(["Y", "Y", "Y", "YM"]), space=space)
    return rng.choice(["今年", "去年", "今年初", "去年下半年"])


def duration(rng: random.Random) -> str:
    """A duration, never an entity: 为期1.5年 uses '1.5年'; also 一年, 半年, 3个月, 15天."""
    return rng.choice(["一年", "半年", "1.5年", "两年", "3个月", "6个月", "一个月", "15天", "一周",
                       "三个月", "1年", "2年", "四个月", "10天", "一年半"])


def percent(rng: random.Random) -> str:
    """A percentage (never an entity)."""
    if rng.random() < 0.5:
        return f"{rng.randint(5, 99)}%"
    return f"{rng.uniform(1, 99):.2f}%"
