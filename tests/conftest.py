"""Shared fixtures: a clean environment, fixture paths and golden files."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
VALID = FIXTURES / "principles" / "valid"
INVALID = FIXTURES / "principles" / "invalid"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="Rewrite golden files from current output.")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests must not depend on the developer's terminal or catalog settings."""
    for name in ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "DGCOMPARE_DATA", "TERM"):
        monkeypatch.delenv(name, raising=False)
    # Commands run in a subprocess must compute, not answer from a developer's response cache.
    monkeypatch.setenv("DGCOMPARE_NO_CACHE", "1")
    yield


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with ``tests/golden/<name>``; ``--update-golden`` rewrites the file instead."""
    update = request.config.getoption("--update-golden")

    def check(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="")
            return
        assert path.exists(), f"golden file {path} is missing; run pytest --update-golden and review it"
        expected = path.read_text(encoding="utf-8")
        assert text == expected, f"output differs from {path}; if intended, run pytest --update-golden"

    return check
