"""The one on-disk cache: never stale, whatever way a path was given; damage is a miss; bounded."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from dgcompare import cache, load_catalog
from dgcompare.catalog import open_catalog
from dgcompare.matcher import MatcherIndex, ScoringSettings, align
from dgcompare.models import resolve_token

from .conftest import FIXTURES

VALID = FIXTURES / "principles" / "valid"
OLD_TITLE, NEW_TITLE = "Ontario Digital Service Standard", "Ontario Digital Service Standard, revised"


def entries(root: Path) -> list[Path]:
    return sorted((root / "dgcompare" / "v2").glob("*"))


@pytest.fixture
def cached(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(root))
    monkeypatch.delenv(cache.ENV_DISABLE, raising=False)
    return root


def dgcompare(*args: str, cache_home: Path, env: dict[str, str] | None = None, cwd: Path | None = None) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("DGCOMPARE_DATA", cache.ENV_DISABLE)}
    environment.update({"XDG_CACHE_HOME": str(cache_home), "COLUMNS": "200", **(env or {})})
    result = subprocess.run(
        [sys.executable, "-m", "dgcompare", *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=cwd,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def user_file(directory: Path) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / "on.yaml"
    shutil.copy(VALID / "on.yaml", target)
    return target


def retitle(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert f"title: {OLD_TITLE}\n" in text
    path.write_text(text.replace(f"title: {OLD_TITLE}\n", f"title: {NEW_TITLE}\n"), encoding="utf-8")


WAYS = {
    "-dDIR": lambda d: (["-d" + str(d)], {}),
    "-d DIR": lambda d: (["-d", str(d)], {}),
    "--data-dir=DIR": lambda d: ([f"--data-dir={d}"], {}),
    "--data-dir DIR": lambda d: (["--data-dir", str(d)], {}),
    "DGCOMPARE_DATA": lambda d: ([], {"DGCOMPARE_DATA": str(d)}),
    "a file": lambda d: (["--data-dir", str(d / "on.yaml")], {}),
}


@pytest.mark.parametrize("way", sorted(WAYS))
@pytest.mark.parametrize("place", ["before", "after"])
def test_an_edited_file_shows_its_edit_on_the_next_run(way: str, place: str, tmp_path: Path) -> None:
    directory = tmp_path / "data"
    target = user_file(directory)
    options, env = WAYS[way](directory)
    if place == "after" and not options:
        pytest.skip("an environment variable has no place on the command line")
    args = [*options, "list"] if place == "before" else ["list", *options]
    home = tmp_path / "cache"
    assert OLD_TITLE in dgcompare(*args, cache_home=home, env=env)
    assert entries(home), "the first run stored the catalog"
    retitle(target)
    assert NEW_TITLE in dgcompare(*args, cache_home=home, env=env)


def test_the_reported_reproduction_shows_the_new_title(tmp_path: Path) -> None:
    directory = tmp_path / "DIR"
    target = user_file(directory)
    home = tmp_path / "cache"
    assert OLD_TITLE in dgcompare(f"-d{directory}", "show", "on:1", cache_home=home)
    retitle(target)
    assert NEW_TITLE in dgcompare(f"-d{directory}", "show", "on:1", cache_home=home)
    assert NEW_TITLE in dgcompare("--data-dir", str(directory), "show", "on:1", cache_home=home)


def test_a_relative_directory_named_the_same_from_elsewhere_is_read_afresh(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    user_file(first / "data")
    retitle(user_file(second / "data"))
    home = tmp_path / "cache"
    assert OLD_TITLE in dgcompare("-d", "data", "list", cache_home=home, cwd=first)
    assert NEW_TITLE in dgcompare("-d", "data", "list", cache_home=home, cwd=second)


def damage(path: Path, how: str) -> None:
    raw = path.read_bytes()
    if how == "truncated":
        path.write_bytes(raw[: len(raw) // 2])
    elif how == "flipped":
        path.write_bytes(raw[:-10] + bytes(b ^ 0xFF for b in raw[-10:]))
    elif how == "empty":
        path.write_bytes(b"")
    else:
        # A well-formed entry with the right checksum but the wrong shape: read as a miss all the same.
        payload = json.dumps({"files": [{"nonsense": 1}], "profiles": "no"}).encode()
        header, _, _ = raw.partition(b"\n")
        import hashlib

        path.write_bytes(header + b"\n" + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload)


@pytest.mark.parametrize("how", ["truncated", "flipped", "empty", "wrong shape"])
def test_damaged_entries_still_give_the_right_answer(how: str, tmp_path: Path) -> None:
    home = tmp_path / "cache"
    directory = tmp_path / "data"
    user_file(directory)
    args = ["-d", str(directory), "show", "on", "ca", "--format", "json"]
    fresh = dgcompare(*args, cache_home=home)
    stored = entries(home)
    assert len(stored) == 2, "the catalog and the profiles of one scoring setting"
    for entry in stored:
        damage(entry, how)
    assert dgcompare(*args, cache_home=home) == fresh
    assert dgcompare(*args, cache_home=home) == fresh, "and the entries written again serve it too"


def test_the_cache_gives_back_the_catalog_it_was_given(cached: Path) -> None:
    crosswalk = FIXTURES / "crosswalks" / "on--ca.yaml"
    fresh = load_catalog([VALID, crosswalk])
    assert load_catalog([VALID, crosswalk], cache=True) == fresh
    again = load_catalog([VALID, crosswalk], cache=True)
    assert again == fresh
    assert len(entries(cached)) == 1
    # What a result records of the catalog is the same through the cache.
    assert again.crosswalk_sources == fresh.crosswalk_sources and str(crosswalk) in again.crosswalk_sources
    assert again.fingerprint == fresh.fingerprint


def test_stored_profiles_give_the_same_alignments_to_the_last_bit(cached: Path) -> None:
    first = open_catalog([VALID], cache=True)
    on, ca = resolve_token(first.catalog, "on"), resolve_token(first.catalog, "ca")
    index = first.matcher_index()
    expected = align(index, [on, ca])
    first.keep(index)

    again = open_catalog([VALID], cache=True)
    stored = again.matcher_index()
    assert {key for key, _ in stored.profiles()} == {(f.id, p.number) for f in (on, ca) for p in f.principles}
    assert align(stored, [resolve_token(again.catalog, "on"), resolve_token(again.catalog, "ca")]) == expected
    assert not stored.grown, "nothing had to be profiled again"
    other = again.matcher_index(ScoringSettings(neighbours=1))
    assert not list(other.profiles()), "profiles belong to the settings they were made with"


def test_no_cache_when_it_is_turned_off(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(cache.ENV_DISABLE, "1")
    loaded = open_catalog([VALID], cache=True)
    loaded.keep(MatcherIndex(loaded.catalog))
    assert loaded.key is None and not entries(cached)


def test_the_cache_keeps_within_its_bounds(cached: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for number in range(6):
        cache.write(f"{number:064x}", {"number": number})
    kept = entries(cached)
    assert [p.name for p in kept] == [f"{n:064x}" for n in (3, 4, 5)], "the least recently used go first"
    monkeypatch.setattr(cache, "MAX_BYTES", 1)
    cache.write("f" * 64, {"big": "x" * 100})
    assert entries(cached) == [], "an entry over the byte bound is not kept either"


def test_the_caches_of_earlier_versions_are_removed(cached: Path) -> None:
    legacy = cached / "dgcompare" / "responses" / "ab"
    legacy.mkdir(parents=True)
    (legacy / "entry").write_bytes(b"old output")
    cache.write("0" * 64, {})
    assert not (cached / "dgcompare" / "responses").exists()


def test_the_word_lists_are_part_of_every_key() -> None:
    from dgcompare.lexicon import FILES

    hashed = {path.resolve() for path in cache._code_files()}
    assert {Path(f).resolve() for f in FILES} <= hashed, "profiles depend on the word lists as on the code"


def test_the_code_fingerprint_follows_the_word_lists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A modified checkout keeps its version string: the code fingerprint tells it from the release.
    package = tmp_path / "dgcompare"
    (package / "lexicon").mkdir(parents=True)
    (package / "lexicon" / "en.txt").write_text("user = users\n", encoding="utf-8")
    monkeypatch.setattr(cache, "__file__", str(package / "cache.py"))
    cache.code_fingerprint.cache_clear()
    before = cache.code_fingerprint()
    (package / "lexicon" / "en.txt").write_text("user = users\nbuild\n", encoding="utf-8")
    cache.code_fingerprint.cache_clear()
    assert cache.code_fingerprint() != before
    cache.code_fingerprint.cache_clear()
