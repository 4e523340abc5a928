"""Shared fixtures and hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# The atheris harness is run by hand (CONTRIBUTING.md, "Fuzzing"), not collected; its entry
# point is exercised by tests/test_fuzz.py.
collect_ignore = ["fuzz"]


@pytest.fixture
def seeds() -> Path:
    """The folder of real records beside the checkout; skips when it is absent."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    return SEEDS
