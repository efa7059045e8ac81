"""The annotation contract of ../shared/SCHEMA.md as Python constants.

Every reader, model and scorer takes its labels and relation rules from here,
so a change to the contract is made in one place.
"""
from __future__ import annotations

ENTITY_LABELS: tuple[str, ...] = (
    "HOSPITAL", "ORG", "REGION", "DEPARTMENT", "MONEY", "COUNT", "DATE", "PERSON",
)

_ACTOR = frozenset({"HOSPITAL", "ORG", "REGION"})

#: relation type -> (allowed head labels, allowed tail labels)
RELATION_RULES: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "ASSISTS": (_ACTOR, _ACTOR),
    "FUNDS": (_ACTOR, frozenset({"MONEY"})),
    "SENDS": (_ACTOR, frozenset({"COUNT", "PERSON"})),
    "WORKS_FOR": (frozenset({"PERSON"}), frozenset({"HOSPITAL", "ORG"})),
    "SERVES_AT": (frozenset({"PERSON"}), frozenset({"HOSPITAL", "REGION"})),
    "BUILDS": (_ACTOR, frozenset({"DEPARTMENT"})),
}

RELATION_TYPES: tuple[str, ...] = tuple(RELATION_RULES)

#: relation types that become attributes of a partnership triple
PARTNERSHIP_ATTRIBUTES: tuple[str, ...] = ("FUNDS", "SENDS", "BUILDS")


def relation_allowed(rel_type: str, head_label: str, tail_label: str) -> bool:
    """True when the schema lets `rel_type` link a head and tail of these labels."""
    rule = RELATION_RULES.get(rel_type)
    return rule is not None and head_label in rule[0] and tail_label in rule[1]


def allowed_relation_types(head_label: str, tail_label: str) -> list[str]:
    """Relation types the schema allows from `head_label` to `tail_label`."""
    return [t for t in RELATION_TYPES if relation_allowed(t, head_label, tail_label)]
