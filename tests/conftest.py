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


@pytest.fixture(scope="session")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache directory for the whole run, away from the developer's own."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, cache_home: Path) -> Iterator[None]:
    """Tests must not depend on the developer's terminal, catalog or cache settings."""
    names = ("NO_COLOR", "FORCE_COLOR", "COLUMNS", "LINES", "DGCOMPARE_DATA", "TERM", "DGCOMPARE_NO_CACHE")
    for name in (*names, "SOURCE_DATE_EPOCH"):
        monkeypatch.delenv(name, raising=False)
    # Commands run with the cache on, as users run them: a cache that answered differently would fail them.
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
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
