"""Shared fixtures: paths to ../shared and one analyzer per test session (the model loads once)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", ROOT.parent / "shared")).resolve()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.fail(f"../shared is missing: expected it at {SHARED} (set NEWSEVENTS_SHARED)")
    return SHARED


@pytest.fixture(scope="session")
def analyzer():
    from newsevents.analyze import default_analyzer

    return default_analyzer()
