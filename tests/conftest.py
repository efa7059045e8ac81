"""Shared fixtures: paths to the development set and small corpus files."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEV_SET = Path(os.environ.get("AIDNER_DEV_SET", ROOT.parent / "shared" / "dev" / "seeds.jsonl"))


@pytest.fixture(scope="session")
def dev_path() -> Path:
    """../shared/dev/seeds.jsonl; missing is a failure in CI and a skip elsewhere."""
    if not DEV_SET.exists():
        if os.environ.get("CI"):
            pytest.fail(f"development set not found at {DEV_SET}")
        pytest.skip(f"development set not found at {DEV_SET} (set AIDNER_DEV_SET)")
    return DEV_SET


@pytest.fixture(scope="session")
def dev_records(dev_path):
    from aidner.corpus import read_jsonl

    return read_jsonl(dev_path)
