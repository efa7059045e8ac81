"""A registry of the sentence templates the builders use (for counting pattern variety)."""
from __future__ import annotations

TEMPLATES: dict[str, list[str]] = {}


def T(name: str, templates: list[str]) -> list[str]:
    """Register and return a named list of templates."""
    if name in TEMPLATES:
        raise ValueError(f"template list {name!r} registered twice")
    TEMPLATES[name] = list(templates)
    return TEMPLATES[name]


def count() -> int:
    """Number of registered templates (each expands to many surface variants)."""
    return sum(len(v) for v in TEMPLATES.values())
