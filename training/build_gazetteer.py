"""Build aidner/data/regions.tsv from the administrative-division table of `cpca`.

cpca (MIT licence) ships adcodes.csv: 3,511 provinces, prefectures and counties
with their codes. We read the CSV file directly (cpca's own import needs
pkg_resources) and derive, for each division, its level, its parent chain and
the short forms reports use (铜仁市 -> 铜仁, 沿河土家族自治县 -> 沿河 / 沿河县,
黔南布依族苗族自治州 -> 黔南 / 黔南州). Run once after changing the rules:

    python -m training.build_gazetteer
"""
from __future__ import annotations

import csv
import importlib.util
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "aidner" / "data" / "regions.tsv"

_PROVINCE_SUFFIX = re.compile(r"(壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区|省|市)$")
_SUFFIXES = ("自治州", "自治县", "自治旗", "地区", "新区", "林区", "特区", "县", "区", "市", "旗", "盟", "州")


def _cpca_csv(name: str) -> Path:
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("cpca is not installed: pip install cpca")
    return Path(list(spec.submodule_search_locations)[0]) / "resources" / name


def _strip_ethnic(name: str, nations: list[str]) -> str:
    """Remove the ethnic-group names before 自治州/自治县/自治旗 (沿河土家族自治县 -> 沿河自治县)."""
    match = re.search(r"(自治州|自治县|自治旗)$", name)
    if not match:
        return name
    stem = name[: match.start()]
    changed = True
    while changed:
        changed = False
        for nation in nations:
            for form in (nation, nation[:-1] if nation.endswith("族") else nation):
                if len(form) >= 1 and stem.endswith(form) and len(stem) > len(form) + 1:
                    stem = stem[: -len(form)]
                    changed = True
                    break
            if changed:
                break
    return stem + match.group(1)


def short_forms(name: str, level: str, nations: list[str]) -> list[str]:
    """Short forms of a division name that reports use, longest first, at least 2 characters."""
    forms: list[str] = []
    if level == "province":
        root = _PROVINCE_SUFFIX.sub("", name)
        forms.append(root)
    else:
        stripped = _strip_ethnic(name, nations)
        for suffix in _SUFFIXES:
            if stripped.endswith(suffix) and len(stripped) > len(suffix):
                if suffix in ("区", "新区", "市") and level == "county":
                    break  # district and county-level city roots (青山, 东河) are too ambiguous alone
                root = stripped[: -len(suffix)]
                forms.append(root)
                if suffix == "自治州":
                    forms.append(root + "州")
                elif suffix == "自治县":
                    forms.append(root + "县")
                elif suffix == "自治旗":
                    forms.append(root + "旗")
                break
    return [f for f in dict.fromkeys(forms) if len(f) >= 2 and f != name]


def _city_name(names: dict[str, str], city: str, code: str) -> str:
    name = names.get(city, "") if city != code else ""
    return "" if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划") else name


def build() -> int:
    nations = [n.strip() for n in _cpca_csv("56_nations.csv").read_text("utf-8").split() if n.strip()]
    nations.sort(key=len, reverse=True)
    rows = []
    with open(_cpca_csv("adcodes.csv"), encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            rows.append((row["adcode"][:6], row["name"]))
    names = dict(rows)
    out_rows = []
    for code, name in sorted(rows):
        if name in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            continue  # placeholders of the table, not places
        if code.endswith("0000"):
            level, province, city = "province", code, ""
        elif code.endswith("00"):
            level, province, city = "city", code[:2] + "0000", code
        else:
            level, province, city = "county", code[:2] + "0000", code[:4] + "00"
        out_rows.append([code, name, level, names.get(province, ""), _city_name(names, city, code),
                         "|".join(short_forms(name, level, nations))])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(["code", "name", "level", "province", "city", "short_forms"])
        writer.writerows(out_rows)
    return len(out_rows)


if __name__ == "__main__":
    print(f"wrote {build()} divisions to {OUT}")
