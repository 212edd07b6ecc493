"""The library's front door (dgcompare.api): one call per report, tokens or frameworks, inputs checked."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import dgcompare
from dgcompare import MatchConfig, MatcherIndex, compare, coverage, coverage_matrix, explain, gaps, load_catalog
from dgcompare.api import diff, listing, matcher_index, principle_detail, search
from dgcompare.cli import app
from dgcompare.errors import DgcompareError, InputError, UnknownTokenError
from dgcompare.matcher import ScoringSettings

from .conftest import VALID

CATALOG = load_catalog()
REPORTS = ("compare", "gaps", "coverage", "coverage_matrix", "diff", "explain", "principle_detail", "search", "listing")


def cli_json(*args: str) -> object:
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_reports_are_at_the_top_level_and_listed() -> None:
    for name in (*REPORTS, "load_catalog", "MatchConfig", "DgcompareError"):
        assert name in dir(dgcompare) and name in dgcompare.__all__, name
        assert callable(getattr(dgcompare, name)), name
    assert "TYPE_CHECKING" not in dir(dgcompare), "only what the package offers"


@pytest.mark.parametrize(
    ("call", "args"),
    [
        (lambda: compare(CATALOG, "uk", "au"), ["show", "uk", "au"]),
        (
            lambda: compare(CATALOG, ["uk", "au", "ca"], config=MatchConfig(curated=False)),
            ["show", "uk", "au", "ca", "--inferred-only"],
        ),
        (lambda: gaps(CATALOG, "ca"), ["gaps", "ca"]),
        (lambda: gaps(CATALOG, "ca", "uk", "au", lang="fr"), ["gaps", "ca", "uk", "au", "--lang", "fr"]),
        (lambda: gaps(CATALOG, "uk", kind="design-principles"), ["gaps", "uk", "--kind", "design-principles"]),
        (lambda: coverage(CATALOG, "uk", "au", "ca"), ["coverage", "uk", "au", "ca"]),
        (lambda: coverage_matrix(CATALOG), ["matrix"]),
        (lambda: coverage_matrix(CATALOG, "uk", "au", theme="security"), ["matrix", "uk", "au", "--theme", "security"]),
        (lambda: diff(CATALOG, "au-dss-v1", "au-dss-v2"), ["diff", "au-dss-v1", "au-dss-v2"]),
        (
            lambda: explain(CATALOG, "uk:9", "ca:5", config=MatchConfig(equivalent=0.5)),
            ["explain", "uk:9", "ca:5", "--equivalent", "0.5"],
        ),
        (lambda: principle_detail(CATALOG, "ca:1"), ["show", "ca:1"]),
        (
            lambda: search(CATALOG, "open source", limit=5, jurisdiction="uk"),
            ["search", "open source", "-n", "5", "-j", "uk"],
        ),
        (lambda: listing(CATALOG), ["list"]),
    ],
)
def test_each_call_gives_what_the_command_gives(call: object, args: list[str]) -> None:
    assert callable(call)
    assert call().model_dump(mode="json") == cli_json(*args)


def test_frameworks_may_be_tokens_names_or_the_catalogs_own_objects() -> None:
    uk, au = CATALOG.framework("uk-service-standard-2019"), CATALOG.framework("au-dss-v2")
    by_token = compare(CATALOG, "uk", "australia")
    assert compare(CATALOG, uk, au) == by_token
    assert compare(CATALOG, [uk, "au"]) == by_token
    # The same files loaded again give equal frameworks: they stand for the catalog's own.
    again = load_catalog()
    assert compare(CATALOG, again.framework("uk-service-standard-2019"), "au") == by_token
    framework, principle = CATALOG.framework("uk-service-standard-2019"), None
    assert framework is not None
    principle = framework.principle(9)
    assert principle is not None
    assert explain(CATALOG, (framework, principle), "ca:5") == explain(CATALOG, "uk:9", "ca:5")


def test_an_index_passed_for_the_catalog_is_used_and_grows() -> None:
    index = MatcherIndex(CATALOG)
    result = compare(index, "uk", "au")
    assert result == compare(CATALOG, "uk", "au") and index.grown
    assert matcher_index(index) is index, "the same settings: the same index"
    other = matcher_index(index, ScoringSettings(neighbours=1))
    assert other is not index and other.catalog is CATALOG and other.settings.neighbours == 1
    tuned = MatchConfig(scoring=ScoringSettings(neighbours=1))
    assert compare(index, "uk", "au", config=tuned).provenance.config == tuned  # type: ignore[union-attr]


def refused(call: object) -> DgcompareError:
    assert callable(call)
    with pytest.raises(DgcompareError) as caught:
        call()
    error = caught.value
    assert isinstance(error, InputError) and error.exit_code == 2
    assert "dgcompare " not in str(error) and "--" not in str(error), "a library caller is told nothing of the CLI"
    return error


def test_one_framework_where_two_are_needed_is_refused() -> None:
    assert "compare needs two or more different frameworks, got 1" in str(refused(lambda: compare(CATALOG, "uk")))
    assert "coverage needs" in str(refused(lambda: coverage(CATALOG, ["uk"])))
    assert "at least one peer" in str(refused(lambda: gaps(CATALOG, "uk", "uk")))


def test_the_same_framework_twice_is_refused() -> None:
    assert "'uk' and 'gb' both name uk-service-standard-2019" in str(refused(lambda: compare(CATALOG, "uk", "gb")))
    uk = CATALOG.framework("uk-service-standard-2019")
    assert "given twice" in str(refused(lambda: compare(CATALOG, uk, uk, "au")))
    assert "diff takes each framework once" in str(refused(lambda: diff(CATALOG, "au", "au-dss-v2")))
    assert "two different frameworks" in str(refused(lambda: explain(CATALOG, "uk:1", "uk:2")))


def test_a_framework_of_another_catalog_is_refused() -> None:
    mine = load_catalog(VALID)
    on = mine.framework("on-dss")
    error = refused(lambda: compare(CATALOG, on, "uk"))
    assert "on-dss is not in this catalog" in error.message and "with_frameworks" in error.hint
    uk = CATALOG.framework("uk-service-standard-2019")
    assert uk is not None
    edited = uk.model_copy(update={"title": "Another standard"})
    assert "comes from another catalog" in str(refused(lambda: compare(CATALOG, edited, "au")))
    assert "got int" in str(refused(lambda: compare(CATALOG, "uk", 3)))


def test_an_unknown_token_suggests_the_closest_name() -> None:
    error = refused(lambda: compare(CATALOG, "ukk", "au"))
    assert isinstance(error, UnknownTokenError) and "did you mean 'uk'?" in str(error)
    far = refused(lambda: gaps(CATALOG, "atlantis"))
    assert "catalog.names()" in str(far)


def test_unknown_language_kind_theme_and_settings_are_refused() -> None:
    assert "'de' is not a language" in str(refused(lambda: compare(CATALOG, "uk", "au", lang="de")))
    assert "use 'en' or 'fr'" in str(refused(lambda: listing(CATALOG, lang="english")))
    assert "did you mean 'service-standard'?" in str(refused(lambda: gaps(CATALOG, "uk", kind="standard")))
    assert "is not a theme" in str(refused(lambda: compare(CATALOG, "uk", "au", theme="weather")))
    assert "MatchConfig" in str(refused(lambda: compare(CATALOG, "uk", "au", config={"curated": False})))  # type: ignore[arg-type]
    assert "limit must be 1 or more" in str(refused(lambda: search(CATALOG, "data", limit=0)))


def test_library_calls_print_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    compare(CATALOG, "uk", "au")
    gaps(CATALOG, "ca")
    assert capsys.readouterr() == ("", "")


def test_every_name_the_package_lists_is_one_it_loads() -> None:
    # __all__ is written out for the tools that read it (ruff, mypy, pdoc); the lazy table must agree with it.
    assert set(dgcompare.__all__) == {"__version__", *dgcompare._LAZY}
