"""Numbers written in Chinese reports: Arabic, Chinese, mixed (3.2万, 1亿2000万), full-width.

`halfwidth` folds full-width digits, letters and punctuation to ASCII; `parse_number`
reads one number (``None`` when the text is not exactly one number). Chinese numerals
go through cn2an; plain Arabic numbers take a fast path.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import cn2an

# Unicode dashes and tildes that separate ranges; folded to "-" / "~" by `halfwidth`.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2E3A\u2E3B\uFE58\uFE63\uFF0D"
_FOLD = str.maketrans({**{c: "-" for c in _DASHES}, "\u301C": "~", "\uFF5E": "~",
                       "\u3000": " ", "\u00A0": " "})

CN_DIGITS = "零〇一二两三四五六七八九"
CN_UNITS = "十百千万亿拾佰仟萬億"
_CN_CHARS = set(CN_DIGITS + CN_UNITS + "壹贰叁肆伍陆柒捌玖")
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_MIXED = re.compile(r"(?:\d+(?:\.\d+)?|[" + CN_DIGITS + "壹贰叁肆伍陆柒捌玖" + "])"
                    r"[\d." + CN_DIGITS + CN_UNITS + "壹贰叁肆伍陆柒捌玖" + "]*"
                    r"|[十拾][\d" + CN_DIGITS + CN_UNITS + "]*")
_SCALE = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000,
          "万": 10_000, "萬": 10_000, "亿": 100_000_000, "億": 100_000_000}


def halfwidth(text: str) -> str:
    """Full-width digits, letters and punctuation -> ASCII; dashes -> "-"; odd spaces -> " "."""
    out = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            out.append(chr(code - 0xFEE0))
        else:
            out.append(ch)
    return "".join(out).translate(_FOLD)


def is_cn_numeral(text: str) -> bool:
    """True when every character of `text` is a Chinese numeral character."""
    return bool(text) and all(ch in _CN_CHARS for ch in text)


def parse_number(text: str) -> float | None:
    """The value of one number: ``"3.2万"`` -> 32000.0, ``"三十"`` -> 30.0, ``"两"`` -> 2.0,
    ``"1,200"`` -> 1200.0, ``"１２"`` -> 12.0. None when `text` is not a number."""
    if not isinstance(text, str):
        return None
    text = halfwidth(text).replace(" ", "")
    if not text:
        return None
    return _parse(text)


@lru_cache(maxsize=8192)
def _parse(text: str) -> float | None:
    if _ARABIC.fullmatch(text):
        return float(text.replace(",", ""))
    # Arabic number followed by scale characters only: 3.2万, 985万, 1.2亿, 5千万
    match = re.fullmatch(r"(\d+(?:,\d{3})*(?:\.\d+)?)([十百千万亿萬億]+)", text)
    if match:
        value = float(match.group(1).replace(",", ""))
        for ch in match.group(2):
            value *= _SCALE[ch]
        return value
    if not _MIXED.fullmatch(text):
        return None
    try:
        value = cn2an.cn2an(text.replace("〇", "零"), "smart")
    except Exception:  # noqa: BLE001 - cn2an raises assorted errors on text it cannot read
        return _digit_string(text)
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _digit_string(text: str) -> float | None:
    """A run of digit characters read digit by digit (二〇二二 -> 2022), else None."""
    digits = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
              "六": 6, "七": 7, "八": 8, "九": 9}
    if not text or any(ch not in digits and not ch.isdigit() for ch in text):
        return None
    return float("".join(str(digits.get(ch, ch)) for ch in text))


def read_year(text: str) -> int | None:
    """A year written in digits (2022, 二〇二二, 二零二二) -> int; two digits -> 20xx."""
    text = halfwidth(text).strip()
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if re.fullmatch(r"\d{2}", text):
        return 2000 + int(text)
    value = _digit_string(text) if len(text) == 4 else None
    return int(value) if value is not None else None


def nfkc(text: str) -> str:
    """NFKC-normalised text (what the parsers compare against)."""
    return unicodedata.normalize("NFKC", text)
