"""The response cache: a repeated command answers from the cache, and only when nothing it depends on changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import VALID


def run(*args: str, cache: Path, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache), "COLUMNS": "100", **env}
    environment.pop("DGCOMPARE_NO_CACHE", None)
    return subprocess.run(
        [sys.executable, "-m", "dgcompare", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        check=False,
    )


def entries(cache: Path) -> list[Path]:
    return [p for p in (cache / "dgcompare" / "responses").glob("*/*") if not p.name.startswith(".tmp")]


def test_second_run_answers_from_the_cache_with_the_same_output(tmp_path: Path) -> None:
    first = run("show", "uk", "au", cache=tmp_path)
    assert first.returncode == 0 and len(entries(tmp_path)) == 1
    second = run("show", "uk", "au", cache=tmp_path)
    assert (second.returncode, second.stdout, second.stderr) == (0, first.stdout, "")
    uncached = run("show", "uk", "au", cache=tmp_path, DGCOMPARE_NO_CACHE="1")
    assert uncached.stdout == first.stdout


def test_a_changed_catalog_file_is_never_answered_from_the_cache(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(VALID / "on.yaml", data / "on.yaml")
    before = run("--data-dir", str(data), "show", "on:1", cache=tmp_path / "cache")
    assert "Understand users and their needs" in before.stdout
    text = (data / "on.yaml").read_text(encoding="utf-8").replace("Understand users", "Know the residents")
    (data / "on.yaml").write_text(text, encoding="utf-8")
    after = run("--data-dir", str(data), "show", "on:1", cache=tmp_path / "cache")
    assert "Know the residents and their needs" in after.stdout


def test_the_word_lists_are_part_of_the_key() -> None:
    from dgcompare.entry import _code_files
    from dgcompare.lexicon import FILES

    assert {Path(f).resolve() for f in FILES} <= set(_code_files())


def test_environment_that_changes_output_changes_the_key(tmp_path: Path) -> None:
    narrow = run("list", cache=tmp_path, COLUMNS="80")
    wide = run("list", cache=tmp_path, COLUMNS="140")
    assert narrow.stdout != wide.stdout and len(entries(tmp_path)) == 2


def test_failures_and_file_outputs_are_not_cached(tmp_path: Path) -> None:
    assert run("show", "ukk", "au", cache=tmp_path).returncode == 2
    assert run("list", "-o", str(tmp_path / "list.csv"), cache=tmp_path).returncode == 0
    assert entries(tmp_path) == []


def test_a_corrupt_entry_is_ignored(tmp_path: Path) -> None:
    first = run("list", cache=tmp_path)
    for entry in entries(tmp_path):
        entry.write_bytes(entry.read_bytes()[:-10] + b"corrupted!")
    again = run("list", cache=tmp_path)
    assert again.stdout == first.stdout


def test_a_command_leaves_the_profiles_it_computed_in_the_catalog_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dgcompare.catalog import CachedCatalog
    from dgcompare.models import resolve_token

    assert run("gaps", "ca", "--against", "uk", "--fail-on-gaps", cache=tmp_path).returncode == 3
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    catalog = CachedCatalog.load().catalog
    stores = [value for key, value in catalog.derived.items() if isinstance(key, tuple) and key[0] == "profiles"]
    assert stores, "the profiles were stored with the catalog"
    assert {framework for framework, _ in stores[0]} == {resolve_token(catalog, c).id for c in ("ca", "uk")}
