"""DATE mentions -> {"start", "end", "precision", "resolved"}.

Absolute dates and ranges (2022年6月, 2018-2019年, 2019年上半年, 2018年9月—2019年3月,
2018年7月15日—8月30日, 2021/9/10), dates without a year (9月7日上午: the year of the
document's context or of the reference date), relative dates (今年, 去年, 4月份, 今天),
five-year plans (十三五 -> 2016..2020) and named days (世界卒中日 -> 10月29日).
What cannot be pinned down gives start and end None and ``resolved: False``.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field

from aidner.normalize.numbers import halfwidth, parse_number, read_year

PRECISIONS = ("year", "half", "quarter", "month", "day", "time")
_RANK = {p: i for i, p in enumerate(PRECISIONS)}

# Named days with a fixed Gregorian date (international and Chinese observances).
NAMED_DAYS: dict[str, tuple[int, int]] = {
    "元旦": (1, 1), "全国爱耳日": (3, 3), "国际妇女节": (3, 8), "妇女节": (3, 8), "三八节": (3, 8),
    "植树节": (3, 12), "世界防治结核病日": (3, 24), "世界结核病日": (3, 24),
    "世界卫生日": (4, 7), "全国疟疾日": (4, 26), "劳动节": (5, 1), "五一": (5, 1),
    "国际劳动节": (5, 1), "青年节": (5, 4), "五四": (5, 4), "国际护士节": (5, 12),
    "护士节": (5, 12), "世界高血压日": (5, 17), "世界无烟日": (5, 31), "儿童节": (6, 1),
    "国际儿童节": (6, 1), "六一": (6, 1), "世界献血者日": (6, 14), "建党节": (7, 1),
    "七一": (7, 1), "建军节": (8, 1), "八一": (8, 1), "中国医师节": (8, 19), "医师节": (8, 19),
    "教师节": (9, 10), "世界心脏日": (9, 29), "国庆节": (10, 1), "国庆": (10, 1),
    "世界精神卫生日": (10, 10), "世界镇痛日": (10, 11), "世界卒中日": (10, 29),
    "世界糖尿病日": (11, 14), "联合国糖尿病日": (11, 14), "世界艾滋病日": (12, 1),
    "国家宪法日": (12, 4), "扶贫日": (10, 17), "国家扶贫日": (10, 17),
}
_NAMED = sorted(NAMED_DAYS, key=len, reverse=True)

_TIME_OF_DAY = re.compile(
    r"(上午|下午|中午|晚上|晚间|凌晨|早上|早晨|清晨|傍晚|夜间|夜里|午后|当晚|晚)"
    r"(?:\d{1,2}(?:[:时点]\d{0,2}分?)?)?$|\d{1,2}[:时点]\d{0,2}分?$")
_FIVE_YEAR = re.compile(r"^[\"“]?(十[一二三四五六七八九]?|[一二三四五六七八九])五[\"”]?(?:规划|计划|期间|时期|末|初)?$")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:日|号)?")
_YEAR_MONTH_DOT = re.compile(r"(\d{4})[/.](\d{1,2})(?![\d/.])")
_CN_NUM = "零〇一二两三四五六七八九十"
_POINT = re.compile(
    r"^(?:(?P<year>\d{4}|\d{2}|[零〇一二三四五六七八九]{4}|[零〇一二三四五六七八九]{2})年度?)?"
    r"(?P<yq>上半年|下半年|前半年|后半年|前三季度|第?[一二三四1-4]季度|[Qq][1-4]|年初|年底|年末|年中|"
    r"初|底|末|春季|夏季|秋季|冬季|春天|夏天|秋天|冬天|春|夏|秋|冬)?"
    r"(?:(?P<month>\d{1,2}|[" + _CN_NUM + r"]{1,3})月份?)?"
    r"(?P<mq>上旬|中旬|下旬|初|底|末|中)?"
    r"(?:(?P<day>\d{1,2}|[" + _CN_NUM + r"]{1,3})[日号])?$")
_BARE = re.compile(r"^(?P<num>\d{1,4}|[" + _CN_NUM + r"]{1,4})$")
_RANGE_SPLIT = re.compile(r"至|到|-|~|—|－|－|–")
_RELATIVE_YEAR = {"今年": 0, "本年": 0, "本年度": 0, "今年度": 0, "当年": None, "同年": None,
                  "去年": -1, "上年": -1, "上一年": -1, "前年": -2, "明年": 1, "次年": "next",
                  "翌年": "next", "第二年": "next"}
_RELATIVE_DAY = {"今天": 0, "今日": 0, "当天": "narr", "当日": "narr", "昨天": -1, "昨日": -1,
                 "前天": -2, "明天": 1, "明日": 1}
_RELATIVE_MONTH = {"本月": 0, "当月": 0, "这个月": 0, "上月": -1, "上个月": -1, "下月": 1,
                   "下个月": 1}


@dataclass
class DateContext:
    """What a date without its own year is read against.

    `reference` is the caller's reference date (a full date), `reference_year` the year of
    it or a year alone; `anchor_year` the nearest explicit year written before the mention
    in the document (None when none), `latest_year` the latest year the document states,
    `day_dates` the (year or None, month, day) dates the document writes out, with the
    offsets where they start, and `position` where the mention starts.
    """

    reference: dt.date | None = None
    reference_year: int | None = None
    anchor_year: int | None = None
    latest_year: int | None = None
    day_dates: list[tuple[int, tuple[int | None, int, int]]] = field(default_factory=list)
    position: int = 0


@dataclass
class _Point:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    yq: str | None = None      # qualifier of the year: 上半年, 第一季度, 底, 春 ...
    mq: str | None = None      # qualifier of the month: 上旬, 底 ...
    bare: int | None = None    # a number with no unit (the left end of 2018-2019年)
    relative_year: bool = False


def unresolved(precision: str | None = None) -> dict:
    """The value of a date that cannot be pinned down."""
    return {"start": None, "end": None, "precision": precision, "resolved": False}


def normalize_date(text: str, context: DateContext | None = None) -> dict:
    """{"start": ISO, "end": ISO, "precision": str, "resolved": bool} of a DATE span.
    Never raises: text it cannot read gives start/end None and resolved False."""
    if not isinstance(text, str):
        return unresolved()
    ctx = context or DateContext()
    clean = halfwidth(text).replace(" ", "").strip("，。,.;；:：、")
    try:
        return _normalize(clean, ctx)
    except (ValueError, OverflowError, TypeError, KeyError):
        return unresolved()


def _normalize(text: str, ctx: DateContext) -> dict:
    if not text:
        return unresolved()
    time_match = _TIME_OF_DAY.search(text)
    has_time = False
    if time_match and time_match.start() > 0:
        text, has_time = text[:time_match.start()], True

    plan = _FIVE_YEAR.match(text)
    if plan:
        number = parse_number(plan.group(1))
        if number is None:
            return unresolved("year")
        start = _five_year_start(int(number))
        return _result(dt.date(start, 1, 1), dt.date(start + 4, 12, 31), "year")

    named = _named_day(text, ctx)
    if named is not None:
        return named

    relative = _relative(text, ctx, has_time)
    if relative is not None:
        return relative

    text = _ISO.sub(lambda m: f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日", text)
    text = _YEAR_MONTH_DOT.sub(lambda m: f"{m.group(1)}年{int(m.group(2))}月", text)
    parts = [p for p in _RANGE_SPLIT.split(text)]
    if len(parts) > 2 or any(not p for p in parts):
        return unresolved()
    points = [_parse_point(p) for p in parts]
    if any(p is None for p in points):
        return unresolved()
    if len(points) == 2:
        left, right = points
        _fill_range(left, right)
        if right.month is None and right.day is not None:
            right.month = left.month
    else:
        left = right = points[0]
        if left.bare is not None:
            if 1000 <= left.bare <= 2999:          # 2018 written without 年
                left.year, left.bare = left.bare, None
            else:
                return unresolved()
    if any(p.day is not None and p.month is None for p in (left, right)):
        return unresolved("day")
    precision = _finer(_precision(left), _precision(right))
    if has_time and precision == "day":
        precision = "time"
    year = _year_for(left, ctx)
    if year is None:
        return unresolved(precision)
    if left.year is None:
        left.year = year
    if right.year is None:
        right.year = left.year if right is not left else year
    start, _ = _bounds(left)
    _, end = _bounds(right)
    if end < start:
        return unresolved(precision)
    return _result(start, end, precision)


def _five_year_start(n: int) -> int:
    """First year of the n-th five-year plan (1st 1953; 3rd 1966 after the 1963-65 gap)."""
    return 1953 + 5 * (n - 1) if n <= 2 else 1966 + 5 * (n - 3)


def _named_day(text: str, ctx: DateContext) -> dict | None:
    for name in _NAMED:
        if text.endswith((name, name + "当天", name + "期间")):
            prefix = text[:text.rfind(name)]
            month, day = NAMED_DAYS[name]
            year = None
            if prefix:
                point = _parse_point(prefix)
                if point is None or point.year is None:
                    rel = _relative_year(prefix.rstrip("的"), ctx)
                    if rel is None:
                        return unresolved("day")
                    year = rel
                else:
                    year = point.year
            year = year or ctx.anchor_year or ctx.reference_year or ctx.latest_year
            if year is None:
                return unresolved("day")
            day_date = dt.date(year, month, day)
            return _result(day_date, day_date, "day")
    return None


def _relative_year(word: str, ctx: DateContext) -> int | None:
    """The year a relative year word names, or None."""
    if word not in _RELATIVE_YEAR:
        return None
    offset = _RELATIVE_YEAR[word]
    if offset is None:                      # 当年, 同年: the year the narrative is in
        return ctx.anchor_year
    if offset == "next":
        return ctx.anchor_year + 1 if ctx.anchor_year else None
    base = ctx.reference_year or ctx.latest_year
    return base + offset if base else None


def _relative(text: str, ctx: DateContext, has_time: bool) -> dict | None:
    """今年, 去年底, 今年上半年, 今天, 当天, 本月 ...; None when `text` is not relative."""
    for word in sorted(_RELATIVE_DAY, key=len, reverse=True):
        if text == word:
            day = _relative_day(word, ctx)
            precision = "time" if has_time else "day"
            return _result(day, day, precision) if day else unresolved(precision)
    for word in sorted(_RELATIVE_MONTH, key=len, reverse=True):
        if text == word:
            if ctx.reference is None:
                return unresolved("month")
            month_index = ctx.reference.year * 12 + ctx.reference.month - 1 + _RELATIVE_MONTH[word]
            point = _Point(year=month_index // 12, month=month_index % 12 + 1)
            start, end = _bounds(point)
            return _result(start, end, "month")
    for word in sorted(_RELATIVE_YEAR, key=len, reverse=True):
        if text.startswith(word):
            rest = text[len(word):]
            point = _parse_point(rest) if rest else _Point()
            if point is None or point.year is not None or point.bare is not None:
                return unresolved()
            year = _relative_year(word, ctx)
            precision = _precision(point)
            if has_time and precision == "day":
                precision = "time"
            if year is None:
                return unresolved(precision)
            point.year = year
            start, end = _bounds(point)
            return _result(start, end, precision)
    return None


def _relative_day(word: str, ctx: DateContext) -> dt.date | None:
    offset = _RELATIVE_DAY[word]
    if offset == "narr" or offset == 0:
        # the day the narrative is about: the nearest day written before (当天), or the one
        # day the document writes out (a quote opening a report on that day's event)
        earlier = [d for pos, d in ctx.day_dates if pos < ctx.position]
        distinct = {d for _, d in ctx.day_dates}
        chosen = None
        if offset == "narr" and earlier:
            chosen = earlier[-1]
        elif len(distinct) == 1:
            chosen = next(iter(distinct))
        if chosen is not None:
            year = chosen[0] or _year_for(_Point(month=chosen[1], day=chosen[2]), ctx)
            return dt.date(year, chosen[1], chosen[2]) if year else None
    if ctx.reference is None or offset == "narr":
        return None
    return ctx.reference + dt.timedelta(days=offset)


def _parse_point(text: str) -> _Point | None:
    bare = _BARE.match(text)
    if bare:
        value = parse_number(bare.group("num"))
        return _Point(bare=int(value)) if value is not None else None
    match = _POINT.match(text)
    if not match or not any(match.group(g) for g in ("year", "yq", "month", "mq", "day")):
        return None
    point = _Point(yq=match.group("yq"), mq=match.group("mq"))
    if match.group("year"):
        point.year = read_year(match.group("year"))
        if point.year is None:
            return None
    for unit in ("month", "day"):
        raw = match.group(unit)
        if raw:
            value = parse_number(raw)
            if value is None:
                return None
            setattr(point, unit, int(value))
    if point.month is not None and not 1 <= point.month <= 12:
        return None
    if point.day is not None and not 1 <= point.day <= 31:
        return None
    if point.mq and point.month is None:
        # 初/底/末 right after 年: a year qualifier (2022年底)
        if point.mq in ("初", "底", "末") and point.yq is None:
            point.yq, point.mq = point.mq, None
        else:
            return None
    if point.yq in ("初", "底", "末", "年初", "年底", "年末", "年中") and point.month is not None:
        return None
    return point


def _fill_range(left: _Point, right: _Point) -> None:
    """Complete the two ends of a range from each other (2018-2019年, 2018年10月至11月,
    9月7日-9日, 7-8月)."""
    if left.bare is not None:
        unit = "day" if right.day is not None else "month" if right.month is not None else "year"
        if unit == "year" or (unit == "month" and right.day is None and 1000 <= left.bare):
            left.year = left.bare
        elif unit == "month":
            left.month = left.bare
            left.year = right.year
        else:
            left.day = left.bare
            left.month, left.year = right.month, right.year
        left.bare = None
    if right.bare is not None:
        if 1000 <= right.bare <= 2999:
            right.year = right.bare
        elif left.day is not None:
            right.day, right.month = right.bare, left.month
        elif left.month is not None:
            right.month = right.bare
        else:
            right.year = right.bare
        right.bare = None
    if right.year is None and left.year is not None:
        right.year = left.year
        if right.month is None and right.day is not None:
            right.month = left.month
    if left.year is None and right.year is not None and left.month is not None:
        # 11月至2019年1月: the left end lies before the right one
        later = (left.month, left.day or 1) > (right.month or 12, right.day or 31)
        left.year = right.year - 1 if later else right.year


def _precision(point: _Point) -> str:
    if point.day is not None:
        return "day"
    if point.mq:
        return "day"
    if point.month is not None:
        return "month"
    if point.yq:
        if "半年" in point.yq:
            return "half"
        if "季" in point.yq or point.yq[0] in "Qq" or point.yq[0] in "春夏秋冬":
            return "quarter"
        return "month"                     # 年初, 年底
    return "year"


def _finer(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


def _year_for(point: _Point, ctx: DateContext) -> int | None:
    """The year of a point: its own, else the document's anchor year, else the reference."""
    if point.year is not None:
        return point.year
    if ctx.anchor_year is not None:
        return ctx.anchor_year
    if ctx.reference is not None and point.month is not None:
        candidate = dt.date(ctx.reference.year, point.month, min(point.day or 1, 28))
        if (candidate - ctx.reference).days > 60:   # "12月" in a report of early January
            return ctx.reference.year - 1
        return ctx.reference.year
    return ctx.reference_year


_SEASONS = {"春": (3, 5), "夏": (6, 8), "秋": (9, 11), "冬": (12, 14)}
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def _bounds(point: _Point) -> tuple[dt.date, dt.date]:
    """First and last day a completed point covers."""
    year = point.year
    if point.month is not None:
        last = calendar.monthrange(year, point.month)[1]
        if point.day is not None:
            day = dt.date(year, point.month, point.day)
            return day, day
        first_day, last_day = 1, last
        if point.mq == "上旬" or point.mq == "初":
            last_day = 10
        elif point.mq in ("中旬", "中"):
            first_day, last_day = 11, 20
        elif point.mq in ("下旬", "底", "末"):
            first_day = 21
        return dt.date(year, point.month, first_day), dt.date(year, point.month, last_day)
    yq = point.yq
    if not yq:
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    if yq in ("上半年", "前半年"):
        return dt.date(year, 1, 1), dt.date(year, 6, 30)
    if yq in ("下半年", "后半年"):
        return dt.date(year, 7, 1), dt.date(year, 12, 31)
    if yq == "前三季度":
        return dt.date(year, 1, 1), dt.date(year, 9, 30)
    if "季度" in yq or yq[0] in "Qq":
        q = _QUARTER[yq[-3] if "季度" in yq else yq[1]]
        first = 3 * q - 2
        last_day = calendar.monthrange(year, first + 2)[1]
        return dt.date(year, first, 1), dt.date(year, first + 2, last_day)
    if yq in ("年初", "初"):
        return dt.date(year, 1, 1), dt.date(year, 1, 31)
    if yq in ("年底", "年末", "底", "末"):
        return dt.date(year, 12, 1), dt.date(year, 12, 31)
    if yq == "年中":
        return dt.date(year, 6, 1), dt.date(year, 7, 31)
    first, last = _SEASONS[yq[0]]
    end_year, end_month = (year + 1, last - 12) if last > 12 else (year, last)
    return dt.date(year, first, 1), dt.date(end_year, end_month,
                                            calendar.monthrange(end_year, end_month)[1])


def _result(start: dt.date, end: dt.date, precision: str) -> dict:
    return {"start": start.isoformat(), "end": end.isoformat(), "precision": precision,
            "resolved": True}


# -- document context -------------------------------------------------------------------

_DAY_IN_TEXT = re.compile(r"(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")


def document_years(text: str) -> list[tuple[int, int, bool]]:
    """(offset, year, opens_a_period) of every year the text writes out (2018年, 2018-2019年);
    opens_a_period is True for 2018年以来 / 2018年起 (no anchor for later dates)."""
    text = halfwidth(text)
    found = []
    for match in re.finditer(r"(?<![\d.])((?:19|20)\d{2})(?!\d)", text):
        after = text[match.end():match.end() + 12]
        if not re.match(r"\s*(?:年|[-—–~至到]\s*(?:19|20)\d{2}|\)|）)", after) and \
                not re.match(r"[-/.]\d{1,2}[-/.]\d{1,2}", after):
            continue
        opens = bool(re.match(r"\s*年?\s*(?:以来|来|起|至今|开始|以后|之后)", after))
        found.append((match.start(), int(match.group(1)), opens))
    return found


def document_day_dates(text: str) -> list[tuple[int, tuple[int | None, int, int]]]:
    """(offset, (year or None, month, day)) of every month-day date the text writes out."""
    out = []
    for match in _DAY_IN_TEXT.finditer(halfwidth(text)):
        month, day = int(match.group(2)), int(match.group(3))
        if 1 <= month <= 12 and 1 <= day <= 31:
            year = int(match.group(1)) if match.group(1) else None
            out.append((match.start(), (year, month, day)))
    return out
