"""One aid partnership's cast: helper and recipient places, institutions and people.

A `Scenario` is drawn per paragraph. Its actors are created lazily and cached
by role, so a paragraph that names "the recipient county hospital" twice names
the same institution; different paragraphs get different casts.
"""
from __future__ import annotations

import random
from typing import Callable

from training.generator import actors as ac
from training.generator import lexicons as lx
from training.generator.actors import Actor, Person
from training.generator.regions import (HELPER_PROVINCES, PAIRINGS, RECIPIENT_SCOPE, RECIPIENT_WEIGHTS,
                                        Gazetteer, Place,
                                        gazetteer, invent_street, invent_town, invent_village)

_TIBETAN_AREAS = ("藏族", "西藏")


def _weighted_county(rng: random.Random, counties: list[Place]) -> Place:
    weights = [3 if c.name.endswith(("县", "旗")) else 1 for c in counties]
    return rng.choices(counties, weights=weights, k=1)[0]


class Scenario:
    """Helper side, recipient side, and the institutions and people of both."""

    def __init__(self, rng: random.Random, gaz: Gazetteer | None = None) -> None:
        self.rng = rng
        self.gaz = g = gaz or gazetteer()
        self._cache: dict[str, object] = {}
        self.intra = rng.random() < 0.14
        if self.intra:
            self.r_prov = g.provinces[rng.choice(list(RECIPIENT_SCOPE))]
            self.h_prov = self.r_prov
        else:
            self.h_prov = g.provinces[rng.choice(HELPER_PROVINCES)]
            options = PAIRINGS[self.h_prov.name]
            weights = [RECIPIENT_WEIGHTS.get(p, 1.0) for p in options]
            self.r_prov = g.provinces[rng.choices(options, weights=weights, k=1)[0]]
        prefs = g.recipient_prefectures(self.r_prov.name)
        pref = rng.choice(prefs)
        self.r_pref: Place | None = None if pref.level == "province" else pref
        counties = g.recipient_counties(pref)
        self.r_county = _weighted_county(rng, counties)
        others = [c for c in counties if c is not self.r_county]
        rng.shuffle(others)
        self.r_counties = [self.r_county] + others[:5]
        if self.intra:
            cities = g.cities.get(self.r_prov.name, [])
            capital = next((c for c in cities if c.name.endswith("市")), cities[0]) if cities else self.r_prov
            self.h_city = capital
        else:
            self.h_city = rng.choice(g.helper_cities(self.h_prov.name))
        districts = g.counties_of(self.h_city)
        rng.shuffle(districts)
        self.h_districts = districts[:5]
        self.h_district: Place | None = self.h_districts[0] if self.h_districts else None
        names = self.r_prov.name + (self.r_pref.name if self.r_pref else "") + self.r_county.name
        if any(k in names for k in _TIBETAN_AREAS):
            self.ethnic = "tibetan"
        elif "新疆" in names:
            self.ethnic = "uyghur"
        elif "内蒙古" in names or "蒙古" in names:
            self.ethnic = "mongol"
        else:
            self.ethnic = None
        self.main_helper = self._pick_main_helper()
        self.main_recip = self._pick_main_recip()

    # ------------------------------------------------------------ caching
    def _get(self, key: str, factory: Callable[[], object]) -> object:
        if key not in self._cache:
            self._cache[key] = factory()
        return self._cache[key]

    # ------------------------------------------------------------ regions
    def h_prov_actor(self) -> Actor:
        """The helper province as a REGION."""
        return self._get("h_prov", lambda: ac.region_actor(self.rng, self.h_prov))  # type: ignore[return-value]

    def h_city_actor(self) -> Actor:
        """The helper city as a REGION (chained with its province now and then)."""
        return self._get("h_city", lambda: ac.region_actor(
            self.rng, self.h_city, self.h_prov if self.h_city is not self.h_prov else None, chain=0.2))  # type: ignore[return-value]

    def h_district_actor(self, i: int = 0) -> Actor:
        """A helper district or county as a REGION."""
        if not self.h_districts:
            return self.h_city_actor()
        d = self.h_districts[i % len(self.h_districts)]
        return self._get(f"h_dist{i}", lambda: ac.region_actor(self.rng, d, self.h_city, chain=0.2))  # type: ignore[return-value]

    def r_prov_actor(self) -> Actor:
        """The recipient province as a REGION."""
        return self._get("r_prov", lambda: ac.region_actor(self.rng, self.r_prov))  # type: ignore[return-value]

    def r_pref_actor(self) -> Actor:
        """The recipient prefecture as a REGION (the province for 重庆 counties)."""
        if self.r_pref is None:
            return self.r_prov_actor()
        return self._get("r_pref", lambda: ac.region_actor(self.rng, self.r_pref, self.r_prov, chain=0.2))  # type: ignore[return-value]

    def r_county_actor(self, i: int = 0) -> Actor:
        """A recipient county as a REGION (chained with its prefecture or province now and then)."""
        county = self.r_counties[i % len(self.r_counties)]
        parent = self.r_pref if (self.r_pref is not None and self.rng.random() < 0.6) else self.r_prov
        return self._get(f"r_county{i}", lambda: ac.region_actor(self.rng, county, parent, chain=0.25))  # type: ignore[return-value]

    def _parents(self) -> list[Place]:
        return [p for p in (self.r_prov, self.r_pref) if p is not None]

    # ------------------------------------------------------------ helper institutions
    def helper_hospital(self, i: int = 0) -> Actor:
        """The i-th helper hospital (district, city, provincial, university or famous)."""
        def make() -> Actor:
            rng = self.rng
            if self.intra:
                west = [e for e in lx.FAMOUS_WEST_HOSPITALS if e[1] == self.r_prov.name]
                r = rng.random()
                if west and r < 0.4:
                    return ac.famous_hospital(rng.choice(west))
                if r < 0.65:
                    return ac.province_hospital(rng, self.r_prov)
                univs = lx.UNIVERSITIES.get(self.r_prov.name)
                if univs and r < 0.8:
                    return ac.university_hospital(rng, rng.choice(univs))
                return ac.helper_city_hospital(rng, self.h_city, self.r_prov)
            r = rng.random()
            famous = [e for e in lx.FAMOUS_EAST_HOSPITALS if e[1] == self.h_prov.name]
            if r < 0.2 and famous:
                return ac.famous_hospital(rng.choice(famous))
            if r < 0.3:
                return ac.university_hospital(rng, rng.choice(lx.UNIVERSITIES[self.h_prov.name]))
            if r < 0.38 and self.h_prov.name not in ("北京市", "天津市", "上海市"):
                return ac.province_hospital(rng, self.h_prov)
            if r < 0.66 or not self.h_districts:
                return ac.helper_city_hospital(rng, self.h_city, self.h_prov)
            district = self.h_districts[i % len(self.h_districts)]
            return ac.helper_district_hospital(rng, district, self.h_city)
        return self._get(f"h_hosp{i}", make)  # type: ignore[return-value]

    def helper_health(self, level: str = "city") -> Actor:
        """The helper health commission of the city, district or province."""
        place = {"city": self.h_city, "province": self.h_prov,
                 "district": self.h_district or self.h_city}[level]
        parent = self.h_city if level == "district" else (self.h_prov if level == "city" else None)
        return self._get(f"h_health_{level}", lambda: ac.health_commission(self.rng, place, parent))  # type: ignore[return-value]

    def helper_team(self) -> Actor:
        """The aid team, working group or front headquarters."""
        return self._get("h_team", lambda: ac.work_team(
            self.rng, self.h_prov, self.h_city if self.h_city is not self.h_prov else None,
            self.h_district, self.r_prov, self.r_pref, self.r_county,
            self.helper_hospital(0) if self.rng.random() < 0.25 else None))  # type: ignore[return-value]

    def helper_gov(self) -> Actor:
        """A helper government, party committee or cooperation office."""
        place = self.h_city if self.rng.random() < 0.6 or not self.h_district else self.h_district
        return self._get("h_gov", lambda: ac.government(self.rng, place))  # type: ignore[return-value]

    def helper_system(self) -> Actor:
        """The helper's health system as a body (卫健系统)."""
        place = self.h_district if (self.h_district and self.rng.random() < 0.5) else self.h_city
        return self._get("h_system", lambda: ac.health_system(place))  # type: ignore[return-value]

    # ------------------------------------------------------------ recipient institutions
    def recip_hospital(self, kind: str | None = None, i: int = 0) -> Actor:
        """A county-level recipient institution; `kind` from actors.COUNTY_HOSPITAL_KINDS."""
        county = self.r_counties[i % len(self.r_counties)]
        if kind is None:
            kind = self._get(f"r_hosp_kind{i}", lambda: self._county_kind())  # type: ignore[assignment]
        return self._get(f"r_hosp_{kind}{i}", lambda: ac.county_hospital(
            self.rng, county, self._parents(), kind))  # type: ignore[return-value]

    def _county_kind(self) -> str:
        rng = self.rng
        pool = ["people"] * 10 + ["tcm"] * 4 + ["mch"] * 3 + ["cdc"] * 1 + ["group"] * 2 + ["first"] * 1
        if self.ethnic == "tibetan":
            pool += ["tibetan"] * 3
        elif self.ethnic == "mongol":
            pool += ["mongol"] * 3
        elif self.ethnic == "uyghur":
            pool += ["uyghur"] * 1
        if "自治" in self.r_county.name or (self.r_pref and "自治" in self.r_pref.name):
            pool += ["ethnic"] * 1
        return rng.choice(pool)

    def recip_pref_hospital(self, i: int = 0) -> Actor:
        """A prefecture-level recipient hospital (the county one for 重庆)."""
        if self.r_pref is None:
            return self.recip_hospital("people", i)
        return self._get(f"r_pref_hosp{i}", lambda: ac.prefecture_hospital(
            self.rng, self.r_pref, self.r_prov))  # type: ignore[return-value]

    def recip_health(self, level: str = "county") -> Actor:
        """The recipient county's health bureau or the prefecture's health commission."""
        place = self.r_county if level == "county" or self.r_pref is None else self.r_pref
        parent = self.r_pref if level == "county" else self.r_prov
        return self._get(f"r_health_{level}", lambda: ac.health_commission(self.rng, place, parent))  # type: ignore[return-value]

    def recip_gov(self) -> Actor:
        """The recipient county's government, party committee or an office."""
        return self._get("r_gov", lambda: ac.government(self.rng, self.r_county))  # type: ignore[return-value]

    def town(self, i: int = 0) -> str:
        """The i-th invented town of the recipient county."""
        return self._get(f"town{i}", lambda: invent_town(self.rng, self.r_prov.name))  # type: ignore[return-value]

    def town_actor(self, i: int = 0) -> Actor:
        """The i-th town as a REGION (chained with its county now and then)."""
        prefix = self.r_county.short_with_suffix if self.rng.random() < 0.5 else self.r_county.name
        return self._get(f"town_actor{i}", lambda: ac.small_place_actor(self.town(i), prefix))  # type: ignore[return-value]

    def village(self, i: int = 0) -> str:
        """The i-th invented village."""
        return self._get(f"village{i}", lambda: invent_village(self.rng, self.r_prov.name))  # type: ignore[return-value]

    def village_actor(self, i: int = 0) -> Actor:
        """The i-th village as a REGION (chained with its town now and then)."""
        return self._get(f"village_actor{i}", lambda: ac.small_place_actor(self.village(i), self.town(i)))  # type: ignore[return-value]

    def township_hospital(self, i: int = 0) -> Actor:
        """The 卫生院 of the i-th town."""
        return self._get(f"town_hosp{i}", lambda: ac.township_hospital(self.rng, self.town(i), self.r_county))  # type: ignore[return-value]

    def village_clinic(self, i: int = 0) -> Actor:
        """The 村卫生室 of the i-th village."""
        return self._get(f"clinic{i}", lambda: ac.village_clinic(self.rng, self.village(i), self.town(i)))  # type: ignore[return-value]

    def recip_community(self, i: int = 0) -> Actor:
        """A recipient 社区卫生服务中心."""
        return self._get(f"r_comm{i}", lambda: ac.community_centre(self.rng, invent_street(self.rng), self.r_county))  # type: ignore[return-value]

    def helper_community(self, i: int = 0) -> Actor:
        """A helper 社区卫生服务中心 (community-to-community pairing)."""
        district = self.h_districts[i % len(self.h_districts)] if self.h_districts else None
        return self._get(f"h_comm{i}", lambda: ac.community_centre(
            self.rng, invent_street(self.rng), district))  # type: ignore[return-value]

    # ------------------------------------------------------------ other organisations
    def company(self) -> Actor:
        """A donor company (usually from the helper city)."""
        return self._get("company", lambda: ac.company(self.rng, self.h_city if not self.intra else None))  # type: ignore[return-value]

    def foundation(self) -> Actor:
        """A donor foundation or charity."""
        return self._get("foundation", lambda: ac.foundation(self.rng, self.h_city))  # type: ignore[return-value]

    def university(self) -> Actor:
        """A helper-side university or medical college."""
        return self._get("university", lambda: ac.university(self.rng, self.h_prov.name))  # type: ignore[return-value]

    def society(self) -> Actor:
        """A helper or recipient professional society."""
        place = self.h_prov if self.rng.random() < 0.5 else self.r_prov
        return self._get("society", lambda: ac.society(self.rng, place))  # type: ignore[return-value]

    def media(self) -> Actor:
        """The recipient county media centre."""
        return self._get("media", lambda: ac.media_centre(self.r_county))  # type: ignore[return-value]

    # ------------------------------------------------------------ main actors
    def _pick_main_helper(self) -> Actor:
        r = self.rng.random()
        if r < 0.04 and not self.intra:
            return self.h_prov_actor()
        if r < 0.24:
            return self.h_city_actor()
        if r < 0.36:
            return self.h_district_actor()
        if r < 0.5:
            return self.helper_health("city")
        if r < 0.56:
            return self.helper_health("district")
        if r < 0.62:
            return self.helper_team()
        if r < 0.65:
            return self.helper_gov()
        return self.helper_hospital(0)

    def _pick_main_recip(self) -> Actor:
        r = self.rng.random()
        if self.main_helper.label == "HOSPITAL" and r < 0.7:
            return self.recip_hospital()
        if r < 0.35:
            return self.r_county_actor()
        if r < 0.65:
            return self.recip_hospital()
        if r < 0.78:
            return self.r_pref_actor()
        if r < 0.9:
            return self.recip_pref_hospital()
        return self.township_hospital()

    def helper_actor(self, prefer: str | None = None) -> Actor:
        """A helper-side actor: the main one, or one of `prefer` kind (region/org/hospital/team)."""
        if prefer is None:
            return self.main_helper
        if prefer == "region":
            return self.h_city_actor() if self.rng.random() < 0.6 else self.h_district_actor()
        if prefer == "org":
            return self.helper_health(self.rng.choice(["city", "city", "district"]))
        if prefer == "team":
            return self.helper_team()
        if prefer == "hospital":
            return self.helper_hospital(0)
        raise ValueError(prefer)

    def recip_actor(self, prefer: str | None = None) -> Actor:
        """A recipient-side actor: the main one, or one of `prefer` kind (region/hospital/pref/town)."""
        if prefer is None:
            return self.main_recip
        if prefer == "region":
            return self.r_county_actor() if self.rng.random() < 0.75 else self.r_pref_actor()
        if prefer == "hospital":
            return self.recip_hospital()
        if prefer == "pref":
            return self.r_pref_actor()
        if prefer == "town":
            return self.township_hospital()
        raise ValueError(prefer)

    # ------------------------------------------------------------ people
    def expert(self, i: int = 0) -> Person:
        """A helper-side medical expert with employer, department and title."""
        def make() -> Person:
            rng = self.rng
            name, female = ac.person_name(rng)
            employer = self.helper_hospital(i % 3 if rng.random() < 0.6 else 0)
            tcm = "中医" in employer.name
            cdc = "疾病预防控制" in employer.name or "疾控" in employer.name
            dept = ac.clinical_dept(rng, tcm, cdc) if rng.random() < 0.85 else rng.choice(lx.ADMIN_DEPTS)
            title = ac.title_for(rng, dept, tcm) if not cdc else \
                rng.choice(["副主任医师", "主管医师", "主任医师", "副主任技师"])
            post = rng.choice(lx.SECONDED_POSTS) if not cdc else rng.choice(["副主任", "科长", "主任助理"])
            return Person(name, employer, dept, title, post, female)
        return self._get(f"expert{i}", make)  # type: ignore[return-value]

    def official(self, side: str = "helper", i: int = 0) -> Person:
        """An official of a health commission, government body or aid team."""
        def make() -> Person:
            rng = self.rng
            name, female = ac.person_name(rng, self.ethnic if side == "recip" else None)
            if side == "helper":
                r = rng.random()
                employer = self.helper_team() if r < 0.3 else self.helper_health(
                    rng.choice(["city", "district", "province"]))
                post = ac.post_for(rng, employer)
                dept = "综合部" if (employer.kind == "org_team" and rng.random() < 0.3) else None
                if dept:
                    post = rng.choice(["部长", "副部长"])
            else:
                employer = self.recip_health(rng.choice(["county", "pref"])) if rng.random() < 0.7 \
                    else self.recip_gov()
                post = ac.post_for(rng, employer)
                dept = None
            return Person(name, employer, dept, None, post, female)
        return self._get(f"official_{side}{i}", make)  # type: ignore[return-value]

    def local(self, i: int = 0) -> Person:
        """A recipient-side doctor or hospital manager."""
        def make() -> Person:
            rng = self.rng
            name, female = ac.person_name(rng, self.ethnic)
            r = rng.random()
            employer = self.recip_hospital() if r < 0.6 else (
                self.township_hospital() if r < 0.8 else self.recip_pref_hospital())
            dept = ac.clinical_dept(rng) if rng.random() < 0.5 else None
            post = rng.choice(lx.HOSPITAL_POSTS) if dept is None else rng.choice(
                ["主任", "副主任", "护士长", "医师", "主治医师", "科主任"])
            return Person(name, employer, dept, None, post, female)
        return self._get(f"local{i}", make)  # type: ignore[return-value]

    def patient(self, i: int = 0) -> Person:
        """A patient or villager named in a story (takes no relation)."""
        return self._get(f"patient{i}", lambda: Person(*ac.person_name(self.rng, self.ethnic)[:1]))  # type: ignore[return-value]
