"""Synthetic annotated paragraphs about paired medical aid, exact by construction.

    >>> from training.generator import generate
    >>> records = generate(seed=13, n=5)
    >>> sorted(records[0])
    ['entities', 'id', 'relations', 'text']

Every paragraph draws its own random generator from (seed, index), so the
output depends only on the seed and the position, never on run order or
Python's hash seed. Modules, one job each:

- lexicons.py  word lists: names, departments, hospitals, organisations
- regions.py   real places of aidner/data/regions.tsv; invented towns and villages
- values.py    MONEY / COUNT / DATE surface forms
- actors.py    institutions, organisations, places and people with their written forms
- scenario.py  one partnership's cast (helper side, recipient side)
- pieces.py    mentions, templates, sentences
- context.py   per-paragraph state: style, topics, pronouns, subject modes
- phrases.py   unannotated policy language, headings, quotes, boilerplate
- clauses/     clause builders, one module per subject (partnership, staff, funds, ...)
- compose.py   paragraph kinds built from clauses
- assemble.py  paragraph -> markup -> validated record
- stats.py     corpus statistics
"""
from __future__ import annotations

import random

from training.generator.assemble import GenerationError, to_record
from training.generator.compose import Composer

__all__ = ["generate", "generate_one", "GenerationError"]

MIN_LENGTH = 8
MAX_LENGTH = 600


def generate_one(seed: int, index: int, max_tries: int = 20) -> dict:
    """The record of paragraph `index` for `seed` (retries a draw the assembler refuses)."""
    rng = random.Random(f"aidner-gen/{seed}/{index}")
    doc_id = f"gen{seed}-{index:05d}"
    last: Exception | None = None
    for _ in range(max_tries):
        composer = Composer(rng)
        paragraph = composer.paragraph()
        try:
            record = to_record(paragraph, composer.style, doc_id)
        except GenerationError as exc:
            last = exc
            continue
        if MIN_LENGTH <= len(record["text"]) <= MAX_LENGTH:
            return record
        last = GenerationError(f"length {len(record['text'])} outside {MIN_LENGTH}..{MAX_LENGTH}")
    raise GenerationError(f"{doc_id}: no valid paragraph in {max_tries} tries: {last}")


def generate(seed: int = 13, n: int = 3000) -> list[dict]:
    """`n` validated records, deterministic for a given seed."""
    return [generate_one(seed, i) for i in range(n)]
