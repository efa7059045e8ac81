"""Real places from aidner/data/regions.tsv, grouped into helper and recipient sides.

Towns, streets and villages are invented (plausible shapes, not real names);
provinces, prefectures and counties are real, written in their long names,
their short forms (沿河土家族自治县 -> 沿河县 / 沿河) or chained together
(贵州省晴隆县), which the schema annotates as one REGION.
"""
from __future__ import annotations

import csv
import random
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from training.generator import lexicons as lx

MUNICIPALITIES = ("北京市", "天津市", "上海市", "重庆市")

HELPER_PROVINCES: tuple[str, ...] = (
    "北京市", "天津市", "上海市", "江苏省", "浙江省", "福建省", "山东省", "广东省")

#: helper province -> recipient provinces it has been paired with (东西部协作, 对口支援)
PAIRINGS: dict[str, tuple[str, ...]] = {
    "北京市": ("内蒙古自治区", "河北省", "西藏自治区", "新疆维吾尔自治区", "青海省"),
    "天津市": ("甘肃省", "河北省", "新疆维吾尔自治区", "西藏自治区", "青海省"),
    "上海市": ("云南省", "贵州省", "新疆维吾尔自治区", "西藏自治区", "青海省"),
    "江苏省": ("陕西省", "青海省", "新疆维吾尔自治区", "西藏自治区", "贵州省", "陕西省"),
    "浙江省": ("四川省", "贵州省", "吉林省", "湖北省", "新疆维吾尔自治区", "西藏自治区", "青海省"),
    "福建省": ("宁夏回族自治区", "甘肃省", "新疆维吾尔自治区", "西藏自治区"),
    "山东省": ("重庆市", "甘肃省", "湖南省", "新疆维吾尔自治区", "西藏自治区", "青海省"),
    "广东省": ("广西壮族自治区", "贵州省", "四川省", "西藏自治区", "新疆维吾尔自治区", "云南省",
              "广西壮族自治区"),
}

#: how often a recipient province is drawn, relative to 1.0 (对口支援 regions are named in many
#: pairings, so they are damped to keep the provinces balanced)
RECIPIENT_WEIGHTS: dict[str, float] = {
    "西藏自治区": 0.45, "新疆维吾尔自治区": 0.45, "青海省": 0.5, "四川省": 1.4, "云南省": 1.3,
    "广西壮族自治区": 1.5, "陕西省": 1.4, "重庆市": 1.2, "湖北省": 1.3, "湖南省": 1.3, "吉林省": 1.2,
}

#: recipient province -> prefectures that receive aid (None: all of them)
RECIPIENT_SCOPE: dict[str, tuple[str, ...] | None] = {
    "贵州省": None, "云南省": None, "四川省": None, "甘肃省": None, "宁夏回族自治区": None,
    "青海省": None, "西藏自治区": None, "新疆维吾尔自治区": None, "内蒙古自治区": None,
    "广西壮族自治区": None, "重庆市": None, "陕西省": None, "吉林省": None,
    "河北省": ("张家口市", "承德市", "保定市"),
    "湖北省": ("恩施土家族苗族自治州",),
    "湖南省": ("湘西土家族苗族自治州",),
}

_CAPITALS = ("贵阳市", "昆明市", "成都市", "兰州市", "银川市", "西宁市", "拉萨市", "乌鲁木齐市",
             "呼和浩特市", "南宁市", "西安市", "长春市", "石家庄市")


@dataclass(frozen=True)
class Place:
    """One administrative division of regions.tsv."""

    code: str
    name: str
    level: str  # province / city / county
    province: str
    city: str
    shorts: tuple[str, ...] = field(default=())

    def forms(self) -> tuple[str, ...]:
        """The full name and its usable short forms (two characters or more)."""
        return (self.name,) + tuple(s for s in self.shorts if len(s) >= 2 and s != self.name)

    @property
    def stem(self) -> str:
        """The shortest usable form (沿河, 黔南, 铜仁; 西湖区 keeps its suffix)."""
        return min(self.forms(), key=len)

    @property
    def short_with_suffix(self) -> str:
        """沿河县 / 黔南州 / 铜仁市 style: a short form that still ends in its level word."""
        for s in self.shorts:
            if s[-1] in "县州市旗区盟" and len(s) >= 2:
                return s
        if self.level == "city" and self.name.endswith("自治州"):
            return self.stem + "州"
        if self.name.endswith("自治县") and self.stem != self.name:
            return self.stem + "县"
        return self.name


def _default_tsv() -> Path:
    try:
        from importlib.resources import files
        path = Path(str(files("aidner") / "data" / "regions.tsv"))
        if path.exists():
            return path
    except Exception:  # pragma: no cover - namespace package without resources
        pass
    return Path(__file__).resolve().parents[2] / "aidner" / "data" / "regions.tsv"


class Gazetteer:
    """Provinces, prefectures and counties, with helper and recipient pools."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.places: list[Place] = []
        with open(path or _default_tsv(), encoding="utf-8") as handle:
            for row in csv.DictReader(handle, delimiter="\t"):
                shorts = tuple(s for s in row["short_forms"].split("|") if s)
                self.places.append(Place(row["code"], row["name"], row["level"], row["province"],
                                         row["city"], shorts))
        self.by_name: dict[str, Place] = {}
        for p in self.places:
            self.by_name.setdefault(p.name, p)
        self.provinces: dict[str, Place] = {p.name: p for p in self.places if p.level == "province"}
        self.cities: dict[str, list[Place]] = {}
        self.counties: dict[tuple[str, str], list[Place]] = {}
        for p in self.places:
            if p.level == "city":
                self.cities.setdefault(p.province, []).append(p)
            elif p.level == "county":
                self.counties.setdefault((p.province, p.city), []).append(p)
        for name in MUNICIPALITIES:
            self.cities[name] = [self.provinces[name]]
            self.counties[(name, name)] = self.counties.get((name, ""), [])

    # ---------------------------------------------------------- pools
    def counties_of(self, city: Place) -> list[Place]:
        """County-level divisions under a prefecture (or a municipality)."""
        key = (city.province, city.name) if city.level == "city" else (city.name, city.name)
        return [c for c in self.counties.get(key, []) if not c.name.endswith(("岛", "域"))]

    def helper_cities(self, province: str) -> list[Place]:
        """Cities of a helper province (the municipality itself for 北京 / 天津 / 上海)."""
        return [c for c in self.cities.get(province, []) if self.counties_of(c)]

    def recipient_prefectures(self, province: str) -> list[Place]:
        """Prefectures of a recipient province that receive aid."""
        scope = RECIPIENT_SCOPE.get(province)
        cities = [c for c in self.cities.get(province, []) if self.counties_of(c)]
        if scope is None:
            return list(cities)
        return [c for c in cities if c.name in scope]

    def recipient_counties(self, prefecture: Place) -> list[Place]:
        """Counties a helper would be paired with (no urban districts of a provincial capital)."""
        out = []
        for c in self.counties_of(prefecture):
            if c.name.endswith("区"):
                if prefecture.name in _CAPITALS:
                    continue
                if prefecture.level == "province" and c.name not in ("万州区", "黔江区", "涪陵区"):
                    continue
            out.append(c)
        return out or self.counties_of(prefecture)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The shared Gazetteer (read once per process)."""
    return Gazetteer()


# ---------------------------------------------------------- surface forms of real places
def region_form(rng: random.Random, place: Place, short: float = 0.4) -> str:
    """One written form of a place: its full name, or with probability `short` a short form."""
    forms = place.forms()
    if len(forms) > 1 and rng.random() < short:
        return rng.choice(forms[1:])
    return place.name


def chain_form(rng: random.Random, parent: Place, child: Place) -> str:
    """Two levels written together (贵州省晴隆县, 黔南州荔波县, 浙江杭州): one REGION."""
    if parent.name == child.name:
        return child.name
    head = region_form(rng, parent, short=0.45)
    if parent.level == "city" and parent.name.endswith("自治州") and rng.random() < 0.6:
        head = parent.short_with_suffix
    tail = child.name if rng.random() < 0.75 else child.short_with_suffix
    if head.endswith(tail) or tail.startswith(head):
        return child.name
    return head + tail


def place_prefix(rng: random.Random, place: Place, allow_stem: float = 0.05) -> str:
    """The form a place takes in front of an institution word (沿河土家族自治县 / 沿河县 / 沿河)."""
    r = rng.random()
    if r < allow_stem and place.stem != place.name and place.level != "province":
        return place.stem
    if r < 0.55 or place.short_with_suffix == place.name:
        return place.name
    return place.short_with_suffix


# ---------------------------------------------------------- invented small places
def invent_stem(rng: random.Random, province: str = "") -> str:
    """A two- or three-character place stem (龙坪, 张家坝, 托格拉克)."""
    if province == "新疆维吾尔自治区" and rng.random() < 0.6:
        return rng.choice(lx.XJ_TOWN_STEMS)
    if province == "西藏自治区" and rng.random() < 0.6:
        return rng.choice(lx.TIBET_TOWN_STEMS)
    if province == "内蒙古自治区" and rng.random() < 0.5:
        return rng.choice(lx.MONGOL_TOWN_STEMS) + rng.choice(["淖尔", "塔拉", "浩特", "郭勒", ""])
    head = rng.choice(lx.PLACE_HEADS)
    tail = rng.choice(lx.PLACE_TAILS)
    if rng.random() < 0.15:
        return rng.choice(lx.SURNAMES[:60]) + "家" + tail
    if rng.random() < 0.12:
        return head + rng.choice(lx.PLACE_HEADS) + tail
    return head + tail


def invent_town(rng: random.Random, province: str = "") -> str:
    """A town or township: 龙坪镇, 石门乡, 白音苏木."""
    stem = invent_stem(rng, province)
    if province == "内蒙古自治区" and rng.random() < 0.3:
        return stem + "苏木"
    return stem + rng.choice(["镇", "镇", "镇", "乡", "乡"])


def invent_village(rng: random.Random, province: str = "") -> str:
    """A village: 张家坝村, 新寨村, 查干嘎查."""
    stem = invent_stem(rng, province)
    if province == "内蒙古自治区" and rng.random() < 0.3:
        return stem + "嘎查"
    return stem + "村"


def invent_street(rng: random.Random) -> str:
    """A street or community name stem (新港街道 is a REGION; 新港街社区卫生服务中心 a HOSPITAL)."""
    return rng.choice(lx.STREET_STEMS)
