"""Clause builders: each returns one `Sentence` (no final punctuation) with its relations.

Builders register themselves with `builder(...)`; `REGISTRY` maps a name to
the function, the subject role it asks the context for (helper / recip /
None) and the relation types it can produce. Importing this package imports
every builder module.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from training.generator.context import Ctx
from training.generator.pieces import Sentence


@dataclass(frozen=True)
class Builder:
    """A registered clause builder."""

    name: str
    fn: Callable[[Ctx], Sentence]
    role: str | None
    rels: tuple[str, ...]
    weight: float
    topic: str  # partnership / staff / money / build / people / outcome / filler


REGISTRY: dict[str, Builder] = {}


def builder(role: str | None = None, rels: tuple[str, ...] = (), weight: float = 1.0,
            topic: str = "filler") -> Callable[[Callable[[Ctx], Sentence]], Callable[[Ctx], Sentence]]:
    """Register a clause builder under its function name."""
    def wrap(fn: Callable[[Ctx], Sentence]) -> Callable[[Ctx], Sentence]:
        REGISTRY[fn.__name__] = Builder(fn.__name__, fn, role, rels, weight, topic)
        return fn
    return wrap


def template_count() -> int:
    """How many distinct sentence templates the builders hold (for the variety report)."""
    from training.generator.clauses import _templates
    return _templates.count()


from training.generator.clauses import (build, funds, outcomes, partnership, people,  # noqa: E402,F401
                                        staff, talk)
