"""Named things a paragraph talks about: institutions, organisations, places, people.

An `Actor` is one real-world unit with several written forms (full name,
shorter name, generic short form such as 县人民医院, abbreviation such as
浙大二院) and the pronoun a report would use for it (该院, 该局, 该县). Each
call to `Actor.mention` makes a fresh `Mention`, so the same institution can
be named several times in one paragraph.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

from training.generator import lexicons as lx
from training.generator.pieces import Mention
from training.generator.regions import Place, chain_form, place_prefix


@dataclass
class Actor:
    """An entity with its written forms; `forms[0]` is the canonical full name."""

    label: str
    forms: list[str]
    kind: str
    short: list[str] = field(default_factory=list)  # generic short forms, used after the full name
    pronouns: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """The canonical full name."""
        return self.forms[0]

    def mention(self, rng: random.Random, first: bool = True, short: float = 0.0) -> Mention:
        """A new mention: the full name (or an alternative form), or a generic short form."""
        if not first and self.short and rng.random() < short:
            return Mention(rng.choice(self.short), self.label)
        if len(self.forms) > 1 and rng.random() < (0.3 if first else 0.5):
            return Mention(rng.choice(self.forms[1:]), self.label)
        return Mention(self.forms[0], self.label)


def _dedupe(items: list[str]) -> list[str]:
    out: list[str] = []
    for item in items:
        if item and item not in out:
            out.append(item)
    return out


# ---------------------------------------------------------------- regions
def region_actor(rng: random.Random, place: Place, parent: Place | None = None,
                 chain: float = 0.0) -> Actor:
    """A REGION actor for a real place; with probability `chain` its canonical form names the parent too."""
    forms = list(place.forms())
    if parent is not None and rng.random() < chain:
        forms.insert(0, chain_form(rng, parent, place))
    if place.level == "province":
        pron = ("该省",)
    elif place.name.endswith("州"):
        pron = ("该州",)
    elif place.name.endswith("区"):
        pron = ("该区",)
    elif place.name.endswith("市"):
        pron = ("该市",)
    elif place.name.endswith("旗"):
        pron = ("该旗",)
    elif place.name.endswith("盟") or place.name.endswith("地区"):
        pron = ()
    else:
        pron = ("该县",)
    return Actor("REGION", _dedupe(forms), "region_" + place.level, [], pron)


def small_place_actor(name: str, parent_prefix: str = "") -> Actor:
    """A town / village REGION; `parent_prefix` gives a chained alternative (晴隆县龙坪镇)."""
    forms = [name] + ([parent_prefix + name] if parent_prefix else [])
    pron = ("该镇",) if name.endswith("镇") else ("该乡",) if name.endswith("乡") else ("该村",)
    return Actor("REGION", forms, "region_town", [], pron)


# ---------------------------------------------------------------- hospitals
_LEVEL_WORD = {"县": "县", "区": "区", "市": "市", "旗": "旗", "州": "州"}


def _level_char(place: Place) -> str:
    if place.level == "province":
        return "省"
    if place.name.endswith("地区"):
        return "地区"
    return _LEVEL_WORD.get(place.name[-1], "县")


def _hospital_pronoun(suffix: str) -> tuple[str, ...]:
    if suffix.endswith("中心") and "卫生" not in suffix:
        return ("该中心",)
    if suffix.endswith("集团") or suffix.endswith("医共体") or suffix.endswith("总院"):
        return ("该集团",) if suffix.endswith("集团") else ("该院",)
    if suffix.endswith("卫生室"):
        return ()
    return ("该院", "该院", "该医院")


#: recipient county hospital kinds -> (suffix variants, generic short forms with {L} = level char)
COUNTY_HOSPITAL_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "people": (("人民医院",), ("{L}人民医院", "{L}医院", "{L}人民医院")),
    "first": (("第一人民医院", "第二人民医院"), ("{L}第一人民医院",)),
    "tcm": (("中医医院", "中医院", "中医医院"), ("{L}中医院", "{L}中医医院", "中医院")),
    "mch": (("妇幼保健院", "妇幼保健院", "妇幼保健计划生育服务中心"), ("{L}妇幼保健院", "{L}妇幼")),
    "cdc": (("疾病预防控制中心", "疾控中心"), ("{L}疾控中心", "{L}疾病预防控制中心")),
    "group": (("医疗集团", "总医院", "医共体总院", "县域医共体", "人民医院医疗集团", "医疗健康集团"),
              ("{L}医共体", "{L}医疗集团", "{L}总医院")),
    "ethnic": (("民族医院", "民族中医院"), ("{L}民族医院",)),
    "tibetan": (("藏医院", "藏医医院"), ("{L}藏医院",)),
    "mongol": (("蒙医医院", "蒙医院", "蒙中医院"), ("{L}蒙医医院", "{L}蒙医院")),
    "uyghur": (("维吾尔医医院",), ("{L}维吾尔医医院",)),
    "mental": (("精神病医院", "第三人民医院"), ()),
}


def county_hospital(rng: random.Random, county: Place, parents: list[Place], kind: str) -> Actor:
    """A county-level institution of a recipient (or helper) county: 沿河土家族自治县人民医院 etc."""
    suffixes, shorts = COUNTY_HOSPITAL_KINDS[kind]
    suffix = rng.choice(suffixes)
    level = _level_char(county)
    if level == "县" and county.name.endswith("自治县"):
        level = "县"
    if suffix == "县域医共体" and level != "县":
        suffix = "医共体总院"
    full = county.name + suffix
    forms = [full]
    alt = county.short_with_suffix
    if alt != county.name:
        forms.append(alt + suffix)
    if parents and rng.random() < 0.5:
        forms.append(chain_form(rng, rng.choice(parents), county) + suffix)
    if county.stem != county.name and rng.random() < 0.15 and kind in ("people", "tcm", "mch"):
        forms.append(county.stem + suffix)
    short = [s.replace("{L}", level) for s in shorts] if level in ("县", "区", "市", "旗") else []
    canonical = forms[0] if rng.random() < 0.6 else rng.choice(forms)
    forms.remove(canonical)
    forms.insert(0, canonical)
    return Actor("HOSPITAL", _dedupe(forms), "hosp_county_" + kind, short, _hospital_pronoun(suffix))


#: prefecture-level hospital suffixes
PREF_HOSPITAL_SUFFIXES: tuple[str, ...] = (
    "人民医院", "第一人民医院", "第二人民医院", "第三人民医院", "中医医院", "中医院", "妇幼保健院",
    "中心医院", "民族医院", "疾病预防控制中心", "传染病医院", "第四人民医院", "中西医结合医院",
    "妇幼保健计划生育服务中心", "儿童医院", "肿瘤医院")


def prefecture_hospital(rng: random.Random, pref: Place, province: Place,
                        suffix: str | None = None) -> Actor:
    """A prefecture's institution: 黔南州人民医院, 毕节市第三人民医院 (abbreviated 毕节市一医)."""
    suffix = suffix or rng.choice(PREF_HOSPITAL_SUFFIXES)
    level = _level_char(pref)
    forms = [pref.name + suffix]
    if pref.short_with_suffix != pref.name:
        forms.insert(0 if rng.random() < 0.6 else 1, pref.short_with_suffix + suffix)
    if rng.random() < 0.3:
        forms.append(chain_form(rng, province, pref) + suffix)
    short: list[str] = []
    if level in ("州", "市", "地区"):
        short.append(level + suffix)
        if suffix == "人民医院":
            short.append(level + "医院")
        ordinal = {"第一人民医院": "一", "第二人民医院": "二", "第三人民医院": "三", "第四人民医院": "四"}
        if suffix in ordinal and level == "市":
            forms.append(pref.stem + "市" + ordinal[suffix] + "医")
            short.append("市" + ordinal[suffix] + "医院")
    return Actor("HOSPITAL", _dedupe(forms), "hosp_pref", short, _hospital_pronoun(suffix))


def township_hospital(rng: random.Random, town: str, county: Place | None) -> Actor:
    """A 卫生院 of a town: 马鹿镇中心卫生院, 张家川县马鹿镇中心卫生院."""
    suffix = rng.choice(["卫生院", "中心卫生院", "卫生院", "中心卫生院", "卫生院"])
    forms = [town + suffix]
    if county is not None:
        chained = place_prefix(rng, county, 0.0) + town + suffix
        if rng.random() < 0.35:
            forms.insert(0, chained)
        else:
            forms.append(chained)
    return Actor("HOSPITAL", _dedupe(forms), "hosp_town", [], ("该院", "该卫生院"))


def village_clinic(rng: random.Random, village: str, town: str | None) -> Actor:
    """A named 村卫生室: 张家坝村卫生室, 龙坪镇张家坝村卫生室."""
    forms = [village + "卫生室"]
    if town and rng.random() < 0.4:
        forms.insert(0, town + village + "卫生室")
    return Actor("HOSPITAL", forms, "hosp_village", [], ())


def community_centre(rng: random.Random, street: str, district: Place | None) -> Actor:
    """A 社区卫生服务中心: 新港街社区卫生服务中心, 滨海新区新港街社区卫生服务中心."""
    stem = street + rng.choice(["街道", "街", "", "社区"])
    forms = [stem + "社区卫生服务中心" if not stem.endswith("社区") else stem + "卫生服务中心"]
    if district is not None and rng.random() < 0.5:
        forms.insert(0, district.name + forms[0])
    return Actor("HOSPITAL", _dedupe(forms), "hosp_community", [], ("该中心",))


#: helper city hospital suffixes and their generic short forms
CITY_HOSPITAL_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("第一人民医院", "市第一人民医院"), ("第二人民医院", "市第二人民医院"), ("第三人民医院", "市第三人民医院"),
    ("第四人民医院", ""), ("第五人民医院", ""), ("第六人民医院", ""), ("第七人民医院", ""),
    ("第八人民医院", "市第八人民医院"), ("人民医院", "市人民医院"), ("中医院", "市中医院"),
    ("中医医院", "市中医医院"), ("中西医结合医院", "市中西医结合医院"), ("妇幼保健院", "市妇幼保健院"),
    ("儿童医院", "市儿童医院"), ("中心医院", "市中心医院"), ("第一医院", "市第一医院"),
    ("第二医院", ""), ("肿瘤医院", "市肿瘤医院"), ("疾病预防控制中心", "市疾控中心"),
    ("口腔医院", "市口腔医院"), ("第一中心医院", ""), ("第三中心医院", ""), ("第五中心医院", ""),
    ("精神卫生中心", ""), ("妇女儿童医院", "市妇儿医院"), ("眼科医院", ""), ("第六医院", ""),
    ("传染病医院", ""), ("急救医疗中心", ""))


def helper_city_hospital(rng: random.Random, city: Place, province: Place | None) -> Actor:
    """A hospital of a helper city: 杭州市第一人民医院 (short 市第一人民医院)."""
    suffix, short = rng.choice(CITY_HOSPITAL_SUFFIXES)
    if suffix == "急救医疗中心":
        suffix, short = "第九人民医院", ""
    forms = [city.name + suffix]
    if province is not None and province.name != city.name and rng.random() < 0.2:
        forms.append(province.stem + city.stem + suffix if rng.random() < 0.5 else province.name + city.name + suffix)
    if rng.random() < 0.25:
        forms.append(city.stem + suffix)
    ordinal = {"第一人民医院": "一", "第二人民医院": "二", "第三人民医院": "三"}
    if suffix in ordinal and rng.random() < 0.4:
        forms.append(city.stem + "市" + ordinal[suffix] + "医")
    return Actor("HOSPITAL", _dedupe(forms), "hosp_helper_city", [short] if short else [],
                 _hospital_pronoun(suffix))


DISTRICT_HOSPITAL_SUFFIXES: tuple[str, ...] = (
    "人民医院", "人民医院", "中医医院", "中医院", "妇幼保健院", "第一人民医院", "中心医院", "第一医院",
    "第二医院", "第二人民医院", "中医医院医疗健康集团", "医疗健康集团", "疾病预防控制中心", "中西医结合医院",
    "第三人民医院", "第五中心医院", "妇幼保健计划生育服务中心", "人民医院医共体")


def helper_district_hospital(rng: random.Random, district: Place, city: Place) -> Actor:
    """A hospital of a helper district or county: 宁海县第一医院, 滨海新区第五中心医院."""
    suffix = rng.choice(DISTRICT_HOSPITAL_SUFFIXES)
    forms = [district.name + suffix]
    if city.name != district.name and rng.random() < 0.3:
        forms.insert(0 if rng.random() < 0.5 else 1, city.stem + district.name + suffix
                     if rng.random() < 0.5 else city.name + district.name + suffix)
    if district.short_with_suffix != district.name:
        forms.append(district.short_with_suffix + suffix)
    level = _level_char(district)
    short: list[str] = []
    if suffix in ("人民医院", "中医医院", "中医院", "妇幼保健院", "第一人民医院"):
        short.append(level + suffix)
    return Actor("HOSPITAL", _dedupe(forms), "hosp_helper_district", short, _hospital_pronoun(suffix))


def province_hospital(rng: random.Random, province: Place) -> Actor:
    """A provincial institution: 浙江省人民医院 (short 省人民医院)."""
    suffix = rng.choice(["人民医院", "中医院", "妇幼保健院", "肿瘤医院", "第二人民医院", "儿童医院",
                         "疾病预防控制中心", "中西医结合医院", "精神卫生中心", "第三人民医院"])
    forms = [province.name + suffix]
    if rng.random() < 0.2:
        forms.append(province.stem + "省" + suffix if province.name.endswith("省") else province.name + suffix)
    return Actor("HOSPITAL", _dedupe(forms), "hosp_province", ["省" + suffix],
                 _hospital_pronoun(suffix))


def famous_hospital(entry: tuple[str, str, tuple[str, ...]]) -> Actor:
    """A real large hospital with its abbreviations (浙江大学医学院附属第二医院 / 浙大二院)."""
    name, _province, abbrs = entry
    return Actor("HOSPITAL", [name] + list(abbrs), "hosp_famous", [], ("该院", "该院", "该医院"))


def university_hospital(rng: random.Random, university: str) -> Actor:
    """A generated university hospital: 广州医科大学附属第二医院, 温州医科大学第一附属医院."""
    n = rng.choice(lx.ORDINALS[:5])
    shape = rng.choice(["{u}附属{n}医院", "{u}{n}附属医院", "{u}附属医院", "{u}医学院附属{n}医院",
                        "{u}附属{n}医院", "{u}{n}附属医院", "{u}附属{n}医院", "{u}附属儿童医院",
                        "{u}附属肿瘤医院", "{u}附属妇产科医院"])
    name = shape.format(u=university, n=n)
    if "医学院医学院" in name or "学院医学院" in name:
        name = name.replace("医学院医学院", "医学院")
    return Actor("HOSPITAL", [name], "hosp_university", [], ("该院",))


# ---------------------------------------------------------------- organisations
def health_commission(rng: random.Random, place: Place, parent: Place | None = None,
                      form: str | None = None) -> Actor:
    """The health commission or bureau of a place: 广州市卫健委, 宁海县卫生健康局."""
    level = _level_char(place)
    if place.level == "province" or level in ("州", "市", "地区", "盟") or place.name in (
            "北京市", "天津市", "上海市", "重庆市"):
        words = ["卫生健康委员会", "卫健委", "卫生健康委", "卫健委", "卫生健康委"]
    else:
        words = ["卫生健康局", "卫健局", "卫生健康局", "卫生健康委员会"] if level != "区" else \
            ["卫生健康局", "卫健局", "卫生健康委", "卫健委"]
    word = form or rng.choice(words)
    prefix = place.name if rng.random() < 0.65 else place.short_with_suffix
    forms = [prefix + word]
    if parent is not None and rng.random() < 0.3:
        forms.append(chain_form(rng, parent, place) + word)
    alt = rng.choice(words)
    forms.append(place.name + alt)
    level_word = "省" if place.level == "province" else level
    if place.name in ("北京市", "天津市", "上海市", "重庆市"):
        level_word = "市"
    short = [level_word + word, level_word + alt] if level_word in ("省", "市", "县", "区", "州") else []
    pron = ("该局",) if word.endswith("局") else ("该委",)
    return Actor("ORG", _dedupe(forms), "org_health", _dedupe(short), pron)


def health_system(place: Place) -> Actor:
    """The whole health system of a place as a body: 天津市滨海新区卫健系统."""
    return Actor("ORG", [place.name + "卫健系统", place.name + "卫生健康系统"], "org_system", [], ())


def government(rng: random.Random, place: Place) -> Actor:
    """People's government or party committee of a place: 沿河县人民政府, 县委."""
    level = _level_char(place)
    kind = rng.random()
    if kind < 0.55:
        forms = [place.name + "人民政府", place.short_with_suffix + "政府"]
        short = [level + "政府", level + "人民政府"] if level in ("县", "市", "区", "州", "省", "旗") else []
        return Actor("ORG", _dedupe(forms), "org_gov", short, ())
    if kind < 0.8:
        forms = [place.short_with_suffix + "委", "中共" + place.name + "委员会"]
        if place.short_with_suffix.endswith(("县", "市", "区", "州", "省", "旗")):
            return Actor("ORG", _dedupe(forms), "org_party", [level + "委"], ())
        return Actor("ORG", [place.name + "人民政府"], "org_gov", [], ())
    word = rng.choice(["东西部协作办公室", "协作办", "对口支援办公室", "合作交流办公室", "乡村振兴局",
                       "乡村振兴局", "东西部协作工作领导小组", "扶贫开发领导小组", "医疗保障局",
                       "财政局", "人力资源和社会保障局", "发展和改革局"])
    if word == "发展和改革局" and level in ("省", "市", "州"):
        word = "发展和改革委员会"
    forms = [place.name + word, place.short_with_suffix + word]
    short = [level + word] if level in ("县", "市", "区", "州", "省") else []
    pron = ("该局",) if word.endswith("局") else ()
    return Actor("ORG", _dedupe(forms), "org_office", short, pron)


def work_team(rng: random.Random, helper_province: Place, helper_city: Place | None,
              helper_district: Place | None, recipient_province: Place, recipient_pref: Place | None,
              recipient_county: Place | None, helper_hospital: Actor | None = None) -> Actor:
    """An aid team, working group or front headquarters (ORG): 广东省粤黔协作工作队 and the like."""
    ha = lx.PROVINCE_ABBR.get(helper_province.name, "")
    ra = lx.PROVINCE_ABBR.get(recipient_province.name, "")
    hp = helper_province.name
    hc = helper_city.name if helper_city else hp
    rp_short = recipient_pref.short_with_suffix if recipient_pref else recipient_province.stem
    rp_stem = recipient_pref.stem if recipient_pref else recipient_province.stem
    rc = recipient_county.short_with_suffix if recipient_county else rp_short
    batch = rng.choice(lx.ORDINALS[:9])
    options = [
        (f"{hp}{ha}{ra}协作工作队", ("该工作队", "该队")),
        (f"{hp}援{ra}工作队", ("该工作队",)),
        (f"{hp}援{ra}干部人才联络组", ("该联络组",)),
        (f"{hp}对口支援{recipient_province.stem}工作前方指挥部", ("该指挥部",)),
        (f"{hp}援{ra}前方指挥部", ("该指挥部",)),
        (f"{hc}驻{rp_stem}工作组", ("该工作组",)),
        (f"{hc}对口帮扶{rp_short}工作组", ("该工作组",)),
        (f"{hc}东西部协作工作组", ("该工作组",)),
        (f"{hc}帮扶专家组", ("该专家组",)),
        (f"{hc}医疗帮扶专家组", ("该专家组",)),
        (f"{hc}{batch}批援{ra}医疗队", ("该医疗队", "医疗队")),
        (f"{hc}援{rp_stem}医疗队", ("该医疗队",)),
        (f"{hc}赴{rc}医疗帮扶工作队", ("该工作队",)),
        (f"{hc}派驻{rp_stem}专家组", ("该专家组",)),
        (f"{helper_city.stem if helper_city else helper_province.stem}·{rp_stem}医疗协作专家组", ("该专家组",)),
    ]
    if helper_district is not None:
        options += [
            (f"{helper_district.name}驻{rc}工作组", ("该工作组",)),
            (f"{helper_district.name}帮扶专家组", ("该专家组",)),
            (f"{hc}{helper_district.name}帮扶专家组", ("该专家组",)),
            (f"{helper_district.name}医疗帮扶队", ("该队",)),
        ]
    if helper_hospital is not None:
        options += [
            (f"{helper_hospital.name}援{ra}医疗队", ("该医疗队",)),
            (f"{helper_hospital.name}帮扶专家团队", ("该团队",)),
            (f"{helper_hospital.name}驻{rc}帮扶工作组", ("该工作组",)),
        ]
    name, pron = rng.choice(options)
    return Actor("ORG", [name], "org_team", [], pron)


def university(rng: random.Random, province: str) -> Actor:
    """A university or medical college (ORG)."""
    names = lx.UNIVERSITIES.get(province) or lx.UNIVERSITIES["广东省"]
    name = rng.choice(names)
    forms = [name]
    if rng.random() < 0.2 and not name.endswith("学院"):
        forms = [name + "医学院"]
    return Actor("ORG", forms, "org_university", [], ("该校",))


def society(rng: random.Random, place: Place) -> Actor:
    """A professional society: 浙江省医学会, 广州市医师协会."""
    kind = rng.choice(lx.SOCIETY_KINDS)
    return Actor("ORG", [place.name + kind], "org_society", [], ("该学会",) if kind.endswith("会") else ())


def company(rng: random.Random, city: Place | None) -> Actor:
    """A donor company: 杭州华康医疗器械有限公司."""
    brand = rng.choice(lx.COMPANY_BRANDS)
    trade = rng.choice(lx.COMPANY_TRADES)
    form = rng.choice(lx.COMPANY_FORMS)
    prefix = city.stem if (city is not None and rng.random() < 0.6) else ""
    name = prefix + brand + trade + form
    forms = [name]
    if rng.random() < 0.3:
        forms.append(brand + trade if form != "集团" else brand + "集团")
    return Actor("ORG", _dedupe(forms), "org_company", [], ("该公司",) if "公司" in form else ("该集团",))


def foundation(rng: random.Random, place: Place | None) -> Actor:
    """A charity or foundation: 中国红十字基金会, 深圳市慈善总会."""
    if place is None or rng.random() < 0.4:
        return Actor("ORG", [rng.choice(lx.FOUNDATIONS)], "org_foundation", [], ("该基金会",))
    theme = rng.choice(lx.FOUNDATION_THEMES)
    return Actor("ORG", [place.name + theme], "org_foundation", [], ())


def fixed_org(name: str, kind: str = "org_national") -> Actor:
    """An ORG with one fixed name (国家中医药管理局, 中国胸痛中心)."""
    return Actor("ORG", [name], kind, [], ())


def media_centre(place: Place) -> Actor:
    """A county media centre, the usual source line of a local report."""
    return Actor("ORG", [place.short_with_suffix + "融媒体中心", place.name + "融媒体中心"], "org_media", [], ())


# ---------------------------------------------------------------- people
@dataclass
class Person:
    """A named person with the institution, department and post a report gives them."""

    name: str
    employer: Actor | None = None
    dept: str | None = None
    title: str | None = None
    post: str | None = None
    female: bool = False

    def mention(self) -> Mention:
        """A new PERSON mention (the name only, never the title)."""
        return Mention(self.name, "PERSON")

    @property
    def pronoun(self) -> str:
        """他 / 她."""
        return "她" if self.female else "他"


def person_name(rng: random.Random, ethnic: str | None = None) -> tuple[str, bool]:
    """A plausible personal name and whether it reads as female."""
    if ethnic == "tibetan" and rng.random() < 0.7:
        a, b = rng.sample(lx.TIBETAN_NAME_PARTS, 2)
        return (a + b if rng.random() < 0.7 else a), b in ("卓玛", "央金", "拉姆", "曲珍", "措姆", "卓嘎", "德吉")
    if ethnic == "uyghur" and rng.random() < 0.7:
        a, b = rng.sample(lx.UYGHUR_GIVEN, 2)
        return f"{a}·{b}", "古丽" in a or a in ("热依拉", "祖丽菲亚")
    if ethnic == "mongol" and rng.random() < 0.5:
        name = rng.choice(lx.MONGOL_NAMES)
        return name, name in ("其其格", "乌云", "图雅", "萨仁", "斯琴", "娜仁花", "乌兰")
    female = rng.random() < 0.45
    pool = lx.GIVEN_FEMALE if female else lx.GIVEN_MALE
    while True:
        surname = rng.choice(lx.SURNAMES[:150]) if rng.random() < 0.85 else rng.choice(lx.SURNAMES)
        given = rng.choice(pool) if rng.random() < 0.35 else rng.choice(pool) + rng.choice(pool)
        if len(given) == 2 and given[0] == given[1] and rng.random() < 0.7:
            given = given[0]
        name = surname + given
        if name not in lx.NAME_BLACKLIST and given not in lx.NAME_BLACKLIST:
            return name, female


_TECH_DEPTS = ("检验科", "医学检验科", "病理科", "放射科", "医学影像科", "超声科", "超声医学科", "核医学科", "输血科")


def title_for(rng: random.Random, dept: str | None, tcm: bool = False) -> str:
    """A professional title that fits the department (技师 in 检验科, 护师 in 护理部, 科长 in 医务科)."""
    if dept in lx.ADMIN_DEPTS:
        if dept == "护理部":
            return rng.choice(["主任", "副主任", "副主任护师", "主任护师"])
        return rng.choice(["科长", "副科长", "主任", "副主任"])
    if dept == "药剂科":
        return rng.choice(["主管药师", "副主任药师", "主任药师"])
    if dept in _TECH_DEPTS and rng.random() < 0.4:
        return rng.choice(["主管技师", "副主任技师", "主任技师"])
    r = rng.random()
    if r < 0.12:
        return rng.choice(["护士长", "主管护师", "副主任护师"])
    if tcm and r < 0.4:
        return rng.choice(["主任中医师", "副主任中医师", "主治中医师"])
    return rng.choice(["主任医师", "副主任医师", "副主任医师", "主治医师", "主任医师"])


_GOV_HEADS = {"县": "县长", "市": "市长", "区": "区长", "州": "州长", "旗": "旗长", "省": "省长"}


def post_for(rng: random.Random, actor: Actor) -> str:
    """A post that fits the organisation (局长 in a 局, 书记 in a 县委, 队长 in a 工作队)."""
    name = actor.name
    if actor.kind == "org_team":
        return rng.choice(lx.TEAM_POSTS)
    if actor.kind == "org_party":
        return rng.choice(["书记", "副书记", "常委", "常委、组织部部长"])
    if actor.kind == "org_gov":
        level = next((v for k, v in _GOV_HEADS.items() if name.replace("人民政府", "").replace("政府", "").endswith(k)),
                     "县长")
        return rng.choice([level, "副" + level, "副" + level])
    if name.endswith("局"):
        return rng.choice(["局长", "副局长", "党组书记、局长", "党组成员、副局长", "科长", "二级调研员"])
    if actor.kind == "org_health":
        return rng.choice(["主任", "副主任", "党组书记、主任", "党组成员、副主任", "二级调研员", "处长",
                           "副处长", "一级调研员"])
    return rng.choice(["主任", "副主任", "负责人", "组长", "副组长"])


_CDC_DEPTS = ("免疫规划科", "传染病防制科", "慢性病防制科", "检验科", "公共卫生科", "地方病防制科",
              "结核病防治科", "卫生监测科", "应急办")


def clinical_dept(rng: random.Random, tcm: bool = False, cdc: bool = False) -> str:
    """A clinical department name for an expert's own unit (public-health units in a CDC)."""
    if cdc:
        return rng.choice(_CDC_DEPTS)
    if tcm and rng.random() < 0.4:
        return rng.choice(["针灸科", "骨伤科", "脑病科", "肾病科", "肺病科", "脾胃病科", "肛肠科", "治未病科",
                           "中医科", "针灸推拿科", "康复科", "疼痛科"])
    return rng.choice(lx.CLINICAL_DEPTS)


def department_unit(rng: random.Random) -> str:
    """A centre or unit that aid builds (胸痛中心, 儿童重症监护病房(PICU), 卒中中心...)."""
    r = rng.random()
    if r < 0.55:
        return rng.choice(lx.CENTRE_DEPTS)
    if r < 0.72:
        name, abbr = rng.choice(lx.UNIT_WITH_ABBR)
        return name + (f"({abbr})" if rng.random() < 0.5 else f"（{abbr}）")
    if r < 0.82:
        return rng.choice(lx.ABBR_UNITS)
    return rng.choice(lx.CLINICAL_DEPTS)

