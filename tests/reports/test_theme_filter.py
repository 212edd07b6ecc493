"""``--theme`` narrows show, gaps, matrix and search to the principles on one theme, links unchanged."""

from __future__ import annotations

import json
from typing import Any

import pytest
from typer.testing import CliRunner

from dgcompare import load_catalog
from dgcompare.cli import app
from dgcompare.errors import UnknownTokenError
from dgcompare.matcher import MatcherIndex
from dgcompare.models import resolve_theme
from dgcompare.reports.base import on_theme


def run(*args: str, code: int = 0) -> Any:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == code, result.stderr
    return json.loads(result.stdout) if "json" in args else result


@pytest.fixture(scope="module")
def on_security() -> set[str]:
    catalog = load_catalog()
    index = MatcherIndex(catalog)
    return {
        f"{f.id}:{p.number}" for f in catalog.frameworks() for p in f.principles if on_theme(index, f, p, "security")
    }


def refs(data: Any) -> set[str]:
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if {"framework", "number", "title"} <= set(value):
                found.add(f"{value['framework']}:{value['number']}")
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk({k: v for k, v in data.items() if k != "coverage"})
    return found


def test_show_keeps_only_principles_on_the_theme_and_their_links_unchanged(on_security: set[str]) -> None:
    narrowed = run("show", "uk", "au", "ca", "--theme", "security", "--format", "json")
    whole = run("show", "uk", "au", "ca", "--format", "json")
    assert refs(narrowed) and refs(narrowed) <= on_security
    scores = {
        (x["a"]["number"], x["a"]["framework"], x["b"]["framework"], x["b"]["number"]): x["score"]
        for x in whole["alignments"]
    }
    for x in narrowed["alignments"]:
        assert scores[(x["a"]["number"], x["a"]["framework"], x["b"]["framework"], x["b"]["number"])] == x["score"]
    assert narrowed["theme"]["id"] == "security"
    assert "Only principles on the theme Security" in run("show", "uk", "au", "--theme", "security").stdout


def test_gaps_matrix_and_search_narrow_to_the_theme(on_security: set[str]) -> None:
    gaps = run("gaps", "ca", "--theme", "security", "--format", "json")
    commitments = {
        f"{c['principle']['framework']}:{c['principle']['number']}" for g in gaps["gaps"] for c in g["commitments"]
    }
    assert commitments <= on_security
    matrix = run("matrix", "uk", "au", "--theme", "security", "--format", "json")
    assert [r["theme"] for r in matrix["rows"]] == ["security"]
    hits = run("search", "data", "--theme", "security", "--format", "json")["hits"]
    assert hits and {f"{h['framework']}:{h['number']}" for h in hits} <= on_security


@pytest.mark.parametrize("token", ["security", "Security", "sécurité", "SECURITE"])
def test_a_theme_is_named_by_its_id_or_either_label(token: str) -> None:
    assert run("matrix", "uk", "--theme", token, "--format", "json")["rows"][0]["theme"] == "security"


def test_an_unknown_theme_is_refused_with_a_suggestion() -> None:
    result = run("show", "uk", "au", "--theme", "securty", code=2)
    assert "'securty' is not a theme" in result.stderr and "did you mean 'security'?" in result.stderr


def test_show_counts_the_principles_on_the_theme_not_all_of_them() -> None:
    # Reported: 'show ca uk au --theme security' said '2 of 10 standards have a counterpart': a reader took 8
    # standards to have none, when they were only left out by the theme.
    def text(*args: str) -> str:
        return " ".join(run(*args).stdout.split())

    assert "2 of 2 standards have a counterpart." in text("show", "ca", "uk", "au", "--theme", "security")
    assert "10 of 10 standards have a counterpart." in text("show", "ca", "uk", "au")
    french = text("show", "ca", "uk", "au", "--theme", "security", "--lang", "fr")
    assert "Sur 2 normes, 2 ont une correspondance." in french
    # No count has to agree with a noun ('4 seulement liés' for normes, '1 des 1 point'): 'avec', 'sans'.
    assert (
        "sur 2 normes, 1 avec un équivalent dans uk-service-standard-2019, 1 avec un lien seulement, 0 sans lien"
        in french
    )
    assert "sur 2 normes, 0 avec un équivalent dans au-dss-v2, 2 avec un lien seulement" in french
    assert "sur 1 point, 1 avec un équivalent" in french


@pytest.mark.parametrize(
    ("typed", "theme"),
    [
        ("vie privée", "privacy"),
        ("interopérabilité", "interoperability"),
        ("éthique", "ethics"),
        ("Open data", "open-data"),
    ],
)
def test_words_of_one_label_in_either_language_name_its_theme(typed: str, theme: str) -> None:
    # Reported: a French analyst had to type 'Protection de la vie privée et des renseignements personnels' whole;
    # 'vie privée' was refused with 'did you mean agile-delivery?'.
    assert resolve_theme(load_catalog(), typed).id == theme


def test_words_of_several_labels_are_refused_with_each_theme_they_could_mean() -> None:
    with pytest.raises(UnknownTokenError) as caught:
        resolve_theme(load_catalog(), "open")
    message = str(caught.value)
    assert "'open' names words of several themes" in message
    assert "'open-source' (Open source code)" in message and "'open-standards' (Open standards)" in message
