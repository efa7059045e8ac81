"""REGION mentions and the place that opens a HOSPITAL or ORG name -> a division dict.

    {"code": "520627", "name": "沿河土家族自治县", "level": "county", "province": "贵州省",
     "city": "铜仁市", "chain": ["贵州省", "铜仁市", "沿河土家族自治县"]}

Names are looked up in the administrative-division table (aidner.gazetteer): full names,
short forms (铜仁, 沿河, 黔南州) and chains (贵州省晴隆县). Towns and villages (XX镇/乡/村),
which the table lacks, take the county that the chain or the document names, with
``"level": "town"`` (code None when no county is known). A name with several readings
(白云区, 朝阳区) is read from its document: the reading inside a province or city that
the document's other places name wins, and a reading in the same province as the other
end of an aid relation (帮扶 pairs lie in different places) loses. Unresolvable -> None.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from aidner.gazetteer import Division, name_index, resolve
from aidner.normalize.numbers import halfwidth

_TOWN = re.compile(r"^(?P<name>[\u4e00-\u9fff]{1,8}?(?:街道|镇|乡|村|苏木|嘎查))")
_TOWN_SUFFIX = ("街道", "镇", "乡", "村", "苏木", "嘎查")
_GENERIC_TOWNS = {"乡镇", "城镇", "村镇", "集镇", "城乡", "农村", "乡村", "城市社区", "社区",
                  "新农村", "全镇", "全乡", "全村", "该镇", "该乡", "该村", "本村", "各乡镇",
                  "各村", "贫困村", "深度贫困村", "行政村", "自然村", "边远乡镇"}
# a short form at the very start followed only by one of these is a hospital's or
# university's own name (瑞金医院, 中山大学, 长海医院), not a place
_NOT_PLACE_AFTER_SHORT = ("医院", "大学", "学院", "医科大学附属", "路", "街", "大道", "公司")
_BARE_LEVEL = {"县": "county", "区": "district", "市": "city", "州": "prefecture", "省": "province"}
_NOT_BARE = set("级域场镇乡长委里内外属直")


def division_dict(div: Division) -> dict:
    """The REGION value of one division of the table."""
    city = div.name if div.level == "city" else div.city or None
    return {"code": div.code, "name": div.name, "level": div.level, "province": div.province,
            "city": city, "chain": list(div.chain)}


def town_dict(name: str, county: Division | None) -> dict:
    """The REGION value of a town or village, placed in `county` when it is known."""
    if county is None:
        return {"code": None, "name": name, "level": "town", "province": None, "city": None,
                "chain": [name]}
    return {"code": county.code, "name": name, "level": "town", "province": county.province,
            "city": county.city or None, "chain": list(county.chain) + [name]}


@lru_cache(maxsize=16384)
def candidates(surface: str) -> tuple[Division, ...]:
    """Every division a place mention can mean (several for 白云区; none for a town)."""
    if not surface:
        return ()
    return tuple(resolve(surface))


@lru_cache(maxsize=16384)
def leading_place(name: str) -> tuple[tuple[Division, ...], int]:
    """The divisions the place at the start of `name` can mean and where that place ends:
    沿河土家族自治县人民医院 -> ((沿河土家族自治县,), 8); ((), 0) when it opens with none.
    Chains (贵州省晴隆县人民医院) are followed while each part lies inside the one before."""
    index = name_index()
    pos, current = 0, ()
    while pos < len(name):
        for end in range(min(len(name), pos + 16), pos + 1, -1):
            found = index.get(name[pos:end])
            if not found:
                continue
            if current:
                outer = {d.code for d in current}
                found = tuple(d for d in found if _inside(d, outer) and d.code not in outer)
                if not found:
                    continue
            current, pos = found, end
            break
        else:
            break
    if pos == 0:
        return (), 0
    first = name[:pos]
    rest = name[pos:]
    is_short = all(not first.endswith(d.name) for d in current)
    if is_short and rest.startswith(_NOT_PLACE_AFTER_SHORT):
        return (), 0
    if is_short and rest.startswith(_TOWN_SUFFIX) and not rest.startswith(("乡镇", "村镇")):
        # 龙山镇 is a town, not 龙山县: step back to the last full name of the chain
        return _chain_before_short(name, first)
    return current, pos


def _chain_before_short(name: str, first: str) -> tuple[tuple[Division, ...], int]:
    """The chain without its last part, when that part is a short form opening a town's
    name (张家川县龙山镇 -> 张家川县)."""
    for cut in range(len(first) - 1, 1, -1):
        found, end = leading_place(name[:cut])
        if found and end == cut:
            return found, end
    return (), 0


def _inside(div: Division, outer_codes: set[str]) -> bool:
    return bool({div.code[:2] + "0000", div.code[:4] + "00"} & outer_codes)


def _province(div: Division) -> str:
    return div.code[:2]


def _city(div: Division) -> str | None:
    return div.code[:4] if div.level != "province" else None


@dataclass
class RegionContext:
    """The places a document names, to read ambiguous names and bare 县/市 against.

    `divisions` are the divisions that mentions of the document name without ambiguity,
    each with the index of its mention; `partners` maps a mention index to the indexes of
    the mentions it is linked to by an aid relation (ASSISTS).
    """

    divisions: list[tuple[int, Division]] = field(default_factory=list)
    partners: dict[int, set[int]] = field(default_factory=dict)

    def positive(self, mention: int) -> list[Division]:
        """Divisions named by other mentions that are not this mention's aid partners."""
        excluded = self.partners.get(mention, set()) | {mention}
        return [d for i, d in self.divisions if i not in excluded]

    def partner_provinces(self, mention: int) -> set[str]:
        """Provinces of the mention's aid partners."""
        linked = self.partners.get(mention, set())
        return {_province(d) for i, d in self.divisions if i in linked}


def choose(options: tuple[Division, ...], context: RegionContext | None,
           mention: int = -1) -> Division | None:
    """The one reading of an ambiguous name that its document supports, else None."""
    if len(options) == 1:
        return options[0]
    if not options or context is None:
        return None
    positive = context.positive(mention)
    codes = {d.code for d in positive}
    cities = {_city(d) for d in positive if _city(d)}
    provinces = {_province(d) for d in positive}
    against = context.partner_provinces(mention) - provinces
    scores = []
    for div in options:
        score = 0.0
        if div.code in codes:
            score += 3
        if _city(div) in cities:
            score += 2
        if _province(div) in provinces:
            score += 1
        if _province(div) in against:
            score -= 2
        scores.append(score)
    best = max(scores)
    if scores.count(best) != 1 or best == min(scores):
        return None
    return options[scores.index(best)]


def normalize_region(surface: str, context: RegionContext | None = None,
                     mention: int = -1) -> dict | None:
    """The REGION value of a place mention, or None when it names no known division."""
    if not isinstance(surface, str):
        return None
    text = halfwidth(surface).replace(" ", "").strip()
    if len(text) < 2:
        return None
    options = candidates(text)
    if options:
        div = choose(options, context, mention)
        return division_dict(div) if div else None
    # a chain that ends in a town (张家川县马鹿镇) or a town alone (泉坝镇)
    places, end = leading_place(text)
    rest = text[end:]
    town = _TOWN.fullmatch(rest) if rest else None
    if not town or rest in _GENERIC_TOWNS:
        return None
    county = _county_of(places, context, mention)
    if places and county is None and len(places) == 1 and places[0].level != "county":
        return None
    return town_dict(rest, county)


def _county_of(places: tuple[Division, ...], context: RegionContext | None,
               mention: int) -> Division | None:
    """The county a town lies in: the one its chain names, else the one county its
    document names (inside the chain's city or province when the chain gives one)."""
    if places:
        div = choose(places, context, mention)
        if div is None:
            return None
        if div.level == "county":
            return div
        outer = {div.code}
    else:
        outer = None
    if context is None:
        return None
    counties = {d.code: d for d in context.positive(mention) if d.level == "county"
                and (outer is None or _inside(d, outer))}
    if len(counties) == 1:
        return next(iter(counties.values()))
    # towns and townships lie in counties far more often than in city districts
    rural = [d for d in counties.values() if d.name.endswith(("县", "旗"))]
    return rural[0] if len(rural) == 1 else None


def institution_region(name: str, context: RegionContext | None = None,
                       mention: int = -1) -> dict | None:
    """The REGION value of the place that opens a HOSPITAL or ORG name (贵州省晴隆县人民医院
    -> 晴隆县; 张家川县马鹿镇中心卫生院 -> 马鹿镇 in 张家川县; 县人民医院 -> the county the
    document is about, when it names exactly one), or None."""
    if not isinstance(name, str):
        return None
    text = halfwidth(name).replace(" ", "").strip()
    if len(text) < 2:
        return None
    places, end = leading_place(text)
    if places:
        town = _TOWN.match(text[end:])
        if town and town.group("name") not in _GENERIC_TOWNS and len(town.group("name")) >= 2:
            county = _county_of(places, context, mention)
            if county is not None:
                return town_dict(town.group("name"), county)
        div = choose(places, context, mention)
        return division_dict(div) if div else None
    town = _TOWN.match(text)
    if town and town.group("name") not in _GENERIC_TOWNS and len(town.group("name")) >= 3 \
            and not text.startswith(tuple(_BARE_LEVEL)):
        county = _county_of((), context, mention)
        return town_dict(town.group("name"), county) if county else None
    if text[0] in _BARE_LEVEL and text[1] not in _NOT_BARE:
        div = _in_focus(_BARE_LEVEL[text[0]], context, mention)
        return division_dict(div) if div else None
    return None


def _in_focus(kind: str, context: RegionContext | None, mention: int) -> Division | None:
    """The one division of a kind (county, district, city, prefecture, province) that the
    document names, for 县人民医院, 市妇幼保健院, 省政府; None when none or several."""
    if context is None:
        return None
    level, suffixes = _FOCUS[kind]
    found = {div.code: div for div in context.positive(mention)
             if div.level == level and div.name.endswith(suffixes)}
    return next(iter(found.values())) if len(found) == 1 else None


# kind of a bare 县/区/市/州/省 -> (table level, name endings)
_FOCUS = {"county": ("county", ("县", "旗")), "district": ("county", ("区",)),
          "city": ("city", ("市",)), "prefecture": ("city", ("州",)),
          "province": ("province", ("省", "市", "区"))}
