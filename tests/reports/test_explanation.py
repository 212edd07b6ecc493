"""``dgcompare explain A:N B:M``: every format gives the verdict and reasons, and agrees with the themes it lists."""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare import explain, load_catalog
from dgcompare.cli import app
from dgcompare.export.markdown import text
from dgcompare.models import Catalog, CatalogFile, Framework, Jurisdiction, Principle
from dgcompare.reports.base import relation_word


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "120"})
    assert result.exit_code == 0, result.stderr
    return result.stdout


@pytest.mark.parametrize(("a", "b"), [("uk-service-standard-2019:9", "ca-digital-standards:5"), ("uk:12", "au:6")])
def test_markdown_gives_the_verdict_findings_and_reasons_that_json_holds(a: str, b: str) -> None:
    data = json.loads(run("explain", a, b, "--format", "json"))
    markdown = run("explain", a, b, "--format", "markdown")
    relation = data["alignment"]["relation"] if data["alignment"] else "not aligned"
    assert f"Verdict: {relation}" in markdown
    assert f"| shared themes | {', '.join(data['shared_themes']) or 'none'} |" in markdown
    for reason in data["alignment"]["why"] if data["alignment"] else ():
        if not reason.startswith(("theme:", "terms:")):
            assert text(reason) in markdown


def test_shared_themes_are_among_the_themes_listed_for_both_sides() -> None:
    catalog = load_catalog()
    uk, au = catalog.framework("uk-service-standard-2019"), catalog.framework("au-dss-v2")
    assert uk is not None and au is not None
    for p, q in itertools.product(uk.principles, au.principles):
        found = explain(catalog, (uk, p), (au, q))
        assert set(found.shared_themes) <= set(found.themes_a) & set(found.themes_b), (p.number, q.number)


def with_facets(catalog: Catalog) -> tuple[Catalog, Framework]:
    ours = Framework(
        id="zz-facets",
        title="Facets",
        publisher="Test",
        adopted=2020,
        url="https://example.org",
        principles=(
            Principle(
                number=1,
                title="Reuse and improve",
                summary="Reuse the tools, components and services that already exist in government and improve "
                "them for everyone, rather than building new ones.",
            ),
        ),
    )
    extra = CatalogFile(jurisdiction=Jurisdiction(code="zz", name="Test"), frameworks=(ours,))
    return Catalog((*catalog.files, extra), catalog.taxonomy, catalog.sources, catalog.crosswalks), ours


def test_explain_says_when_shared_words_serve_different_main_themes() -> None:
    catalog, ours = with_facets(load_catalog())
    uk = catalog.framework("uk-service-standard-2019")
    assert uk is not None
    iterate = uk.principle(8)  # Iterate and improve frequently: 'improve' is the word they share
    assert iterate is not None
    found = explain(catalog, (ours, ours.principles[0]), (uk, iterate))
    line = next(x for x in found.findings() if x.startswith("Main themes differ"))
    assert "zz-facets:1 is mainly about Reuse of common platforms" in line
    assert "uk-service-standard-2019:8 about Continuous improvement" in line
    french = explain(catalog, (ours, ours.principles[0]), (uk, iterate), lang="fr")
    assert any(x.startswith("Thèmes principaux différents") for x in french.findings())
    # Two principles with the same main theme get no such line.
    security = explain(catalog, "uk-service-standard-2019:9", "ca-digital-standards:5")
    assert not any(x.startswith("Main themes differ") for x in security.findings())


def test_the_signals_add_up_to_the_score() -> None:
    # The legend says the score is the sum of the contributions: every signal the score counts is shown.
    catalog = load_catalog()
    uk, au = catalog.framework("uk-service-standard-2019"), catalog.framework("au-dss-v2")
    assert uk is not None and au is not None
    linked = 0
    for p, q in itertools.product(uk.principles, au.principles):
        found = explain(catalog, (uk, p), (au, q))
        total = sum(part.value * part.weight for part in found.parts)
        assert abs(min(total, 1.0) - found.score) < 0.01, (p.number, q.number)
        linked += any(part.name == "linked" and part.value > 0 for part in found.parts)
    assert linked, "some pair scores through linked themes"


def test_markdown_names_both_principles() -> None:
    markdown = run("explain", "uk:12", "au:6", "--format", "markdown")
    assert "uk-service-standard-2019:12 Make new source code open" in markdown
    assert "au-dss-v2:6 Don’t reinvent the wheel" in markdown


@pytest.mark.parametrize(
    ("a", "b", "lang"),
    [("uk:12", "au:6", "en"), ("uk-service-standard-2019:9", "ca-digital-standards:5", "fr"), ("uk:1", "au:9", "en")],
)
def test_csv_ends_with_the_verdict_json_holds_and_its_reasons(a: str, b: str, lang: str) -> None:
    # Reported: explain's CSV was the signal table alone; a spreadsheet could not tell what show makes of the pair.
    data = json.loads(run("explain", a, b, "--format", "json", "--lang", lang))
    rows = list(csv.reader(io.StringIO(run("explain", a, b, "--format", "csv", "--lang", lang))))
    (at,) = (i for i, row in enumerate(rows) if row[0] == "verdict")
    alignment = data["alignment"]
    expected = "not aligned" if alignment is None else relation_word(alignment["relation"], lang)
    assert rows[at][1].startswith(expected)
    after = {"reason", "raison", "shared themes", "thèmes communs", "shared terms", "termes communs", "note"}
    assert {row[0] for row in rows[at + 1 :]} <= after


def test_the_threshold_explain_states_is_the_pairs_own() -> None:
    across = json.loads(run("explain", "it:9", "uk:12", "--format", "json"))
    alike = json.loads(run("explain", "uk:9", "ca:5", "--format", "json"))
    assert (across["equivalent_threshold"], alike["equivalent_threshold"]) == (0.40, 0.32)
    assert "Thresholds: equivalent 0.40" in run("explain", "it:9", "uk:12")


def test_explain_says_when_the_themes_alone_fall_short_of_an_equivalent() -> None:
    # Build trust in design ~ Create a secure service which protects users’ privacy: two themes, a few common words.
    data = json.loads(run("explain", "au:5", "uk:9", "--inferred-only", "--format", "json"))
    assert data["equivalent_threshold"] <= data["score"] < data["wording"]["below"]
    assert data["alignment"]["relation"] == "related"
    text = " ".join(run("explain", "au:5", "uk:9", "--inferred-only").split())
    assert re.search(r"too little shared wording for an equivalent under 0\.45 \(terms 0\.1\d\d, needs 0\.20; ", text)
    assert "(under 0.45, only with enough shared wording: terms 0.20 or 50% of one title's words)" in text
    french = " ".join(run("explain", "au:5", "uk:9", "--inferred-only", "--lang", "fr").split())
    assert re.search(
        r"trop peu de termes partagés pour un équivalent sous 0,45 \(termes 0,1\d\d, il en faut 0,20 ;", french
    )
    rows = list(csv.reader(io.StringIO(run("explain", "au:5", "uk:9", "--inferred-only", "--format", "csv"))))
    (why,) = (row for row in rows if row[0] == "reason")
    assert why[1].startswith("too little shared wording for an equivalent under 0.45")
    markdown = run("explain", "au:5", "uk:9", "--inferred-only", "--format", "markdown")
    verdict = markdown.index("Verdict: related (inferred)")
    assert markdown.index("too little shared wording", verdict) < markdown.index("Themes of", verdict)


def test_a_score_short_of_a_threshold_never_shows_as_reaching_it() -> None:
    # Reported: 'score 0.18 ... related 0.18 ... Verdict: not aligned' for a score of 0.1758.
    data = json.loads(run("explain", "nz:12", "uk:10", "--format", "json"))
    assert data["score"] < data["related_threshold"] == 0.18 and data["alignment"] is None
    assert round(data["score"], 2) == 0.18  # rounded to the nearest, it would read as reaching the bar
    text = " ".join(run("explain", "nz:12", "uk:10").split())
    assert "score 0.17" in text and "related 0.18" in text and "Verdict: not aligned." in text
    csv_text = run("explain", "nz:12", "uk:10", "--format", "csv")
    assert "score,0.17," in csv_text


def test_themes_an_untagged_principle_borrows_are_named_as_borrowed_not_as_its_own() -> None:
    # Reported: explain listed 'Open source code' as a shared theme of a Portuguese principle whose show A:N said
    # 'Themes: none', and nothing said why.
    data_dir = str(Path(__file__).parent.parent / "fixtures" / "heldout-languages")
    pair = ("xi-carta-servizi-digitali:1", "uk:1", "-d", data_dir)
    found = json.loads(run("explain", *pair, "--format", "json"))
    assert found["lent_a"] and set(found["lent_a"]) <= set(found["themes_a"]) and found["lent_b"] == []
    shown = json.loads(run("show", "xi-carta-servizi-digitali:1", "-d", data_dir, "--format", "json"))
    listed = {*shown["themes"], *shown["inferred_themes"]}
    assert not listed & set(found["lent_a"]), "show does not call a borrowed theme the principle's own"
    table = " ".join(run("explain", *pair).split())
    assert f"its words do not name {', '.join(found['lent_a'])}: it borrows" in table
    # Every theme explain lists for the principle is one show lists, or one it says why show does not.
    explained = {*listed, *found["lent_a"], *found["weak_a"]}
    assert set(found["themes_a"]) <= explained
    for theme in found["weak_a"]:
        assert theme in table and "too weakly for show" in table


def test_a_pair_an_exhaustive_crosswalk_leaves_unlinked_says_so_whatever_its_score() -> None:
    # Reported: 'score 0.19', 'related 0.18', 'Verdict: not aligned.' with nothing to say why.
    found = json.loads(run("explain", "ca:2", "us:5", "--format", "json"))
    assert found["alignment"] is None and found["score"] >= found["related_threshold"]
    assert found["hidden_by"].endswith("ca-digital-standards--us-playbook.yaml")
    table = " ".join(run("explain", "ca:2", "us:5").split())
    assert "is exhaustive, listing every link between these frameworks" in table
    inferred = json.loads(run("explain", "ca:2", "us:5", "--inferred-only", "--format", "json"))
    assert inferred["hidden_by"] is None and inferred["alignment"]["relation"] == "related"


def test_a_themes_value_with_no_listed_theme_shared_says_where_it_comes_from() -> None:
    # Reported: 'Shared themes: none' beside a themes value of 0.46, the largest part of the score.
    result = CliRunner().invoke(app, ["explain", "ca:4", "nz:7", "--format", "json"])
    data = json.loads(result.stdout)
    themes = next(p for p in data["parts"] if p["name"] == "themes")
    assert themes["value"] > 0.3 and data["shared_themes"] == []
    assert data["faint_themes"] == ["Transparency and working in the open"]
    text = " ".join(CliRunner().invoke(app, ["explain", "ca:4", "nz:7"], env={"COLUMNS": "100"}).stdout.split())
    assert (
        "Shared themes: none among those listed; the themes value comes from Transparency and working in the open"
        in text
    )
    plain = " ".join(CliRunner().invoke(app, ["explain", "uk:1", "au:2"], env={"COLUMNS": "100"}).stdout.split())
    assert "Shared themes: User research and user needs Shared terms" in plain


def test_a_curated_verdict_says_its_strength_stands_for_the_matchers_score() -> None:
    # Reported: explain ended 'score 0,25' then 'Verdict : lié (validé, 0,60)', and nothing said which one show gives.
    text = " ".join(CliRunner().invoke(app, ["explain", "ca:8", "eu:3"], env={"COLUMNS": "100"}).stdout.split())
    assert "Verdict: related (curated, 0.60). The crosswalk's strength (0.60) stands in every report" in text
    assert "for the matcher's score above (0.25)" in text
    inferred = " ".join(CliRunner().invoke(app, ["explain", "uk:1", "au:2", "--inferred-only"]).stdout.split())
    assert "stands in every report" not in inferred
