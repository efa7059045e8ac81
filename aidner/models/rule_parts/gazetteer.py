"""RegionGazetteer: the real divisions of `aidner.gazetteer.regions()` found in text with Aho-Corasick."""
from __future__ import annotations

import ahocorasick

from aidner.gazetteer import regions
from aidner.models.rule_parts import lexicons

_ADMIN_SUFFIX = "省市县区州盟旗"
_CUT_BEFORE = "属级直辖委州"   # 广州市属 / 张家川县级 / 市直: the suffix char belongs to the next word


class RegionGazetteer:
    """Finds full names and short forms (沿河土家族自治县, 沿河县, 沿河) of real divisions.

    Short forms that are common words (资源, 会同, 比如) are only found with their suffix.
    `find` returns leftmost-longest, non-overlapping (start, end) spans.
    """

    def __init__(self) -> None:
        ambiguous = lexicons.as_set("ambiguous_short_regions")
        forms: dict[str, str] = {}
        for div in regions():
            name = div.name
            forms[name] = div.level
            for short in div.short_forms:
                if len(short) >= 2 and short not in ambiguous:
                    forms.setdefault(short, div.level)
            # 黔南 -> 黔南州, 毕节 -> 毕节市 style suffixed short forms
            for short in div.short_forms:
                if len(short) >= 2 and name[-1] in _ADMIN_SUFFIX:
                    forms.setdefault(short + name[-1], div.level)
            if name.endswith("自治州"):
                for short in div.short_forms:
                    if not short.endswith("州"):
                        forms.setdefault(short + "州", div.level)
        forms.pop("中国", None)
        self.forms = forms
        self._auto = ahocorasick.Automaton()
        for form in forms:
            self._auto.add_word(form, len(form))
        self._auto.make_automaton()

    def __contains__(self, word: str) -> bool:
        return word in self.forms

    def find(self, text: str) -> list[tuple[int, int]]:
        if not text:
            return []
        hits = []
        for end_idx, length in self._auto.iter(text):
            hits.append((end_idx + 1 - length, end_idx + 1))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out: list[tuple[int, int]] = []
        last_end = -1
        for s, e in hits:
            if s < last_end:
                continue
            if e < len(text) and text[e - 1] in _ADMIN_SUFFIX and text[e] in _CUT_BEFORE and text[e - 1] != text[e] and e - s > 2:
                e -= 1
            out.append((s, e))
            last_end = e
        return out
