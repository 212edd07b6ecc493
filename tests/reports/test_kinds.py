"""Like for like: gaps and matrix choose peers of one kind; list and every export say each framework's kind."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from dgcompare.cli import app


def run(*args: str, code: int = 0) -> CliRunner:
    result = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    assert result.exit_code == code, result.stderr
    return result


def test_gaps_compare_a_service_standard_with_service_standards_by_default() -> None:
    # Reported: `gaps ca` compared a service standard with Danish legislation principles and the OECD recommendation.
    data = json.loads(run("gaps", "ca", "--format", "json").stdout)
    assert {p["kind"] for p in data["peers"]} == {"service-standard"}
    assert {p["jurisdiction"] for p in data["peers"]} == {"uk", "au", "nz", "us"}
    assert data["peer_kind"] == "service-standard"
    assert "against 4 peers (service standards)" in run("gaps", "ca").stdout


def test_kind_chooses_the_peers_and_an_unknown_kind_is_refused() -> None:
    data = json.loads(run("gaps", "ca", "--kind", "declaration", "--format", "json").stdout)
    assert [p["framework"] for p in data["peers"]] == ["eu-tallinn-2017"]
    refused = run("gaps", "ca", "--kind", "standard", code=2)
    assert "'standard' is not a kind of framework" in refused.stderr and "service-standard" in refused.stderr


def test_matrix_kind_puts_one_framework_of_that_kind_per_jurisdiction() -> None:
    data = json.loads(run("matrix", "--kind", "technology-principles", "--format", "json").stdout)
    assert [f["id"] for f in data["frameworks"]] == [
        "dk-architecture-principles",
        "eu-eif-2017",
        "no-architecture-principles-2009",
        "uk-tcop",
    ]


def test_list_shows_each_framework_kind_in_every_format() -> None:
    assert "service standard" in run("list").stdout
    rows = list(csv.DictReader(io.StringIO(run("list", "--format", "csv").stdout)))
    assert {r["framework"]: r["kind"] for r in rows}["oecd-dgs-2014"] == "recommendation"
    listed = json.loads(run("list", "--format", "json").stdout)
    assert all(f["kind"] for j in listed["jurisdictions"] for f in j["frameworks"])


def test_gaps_against_a_peer_of_another_kind_says_so_first_and_in_every_format() -> None:
    table = run("gaps", "it", "--against", "uk").stdout
    assert table.splitlines()[1].startswith("Caution: it-piano-triennale-2024 is of the kind strategy principles")
    markdown = run("gaps", "it", "--against", "uk", "--format", "markdown").stdout
    # First, as on screen, so that a reader who pastes the table alone keeps it; not again in the legend.
    assert markdown.split("\n")[2].startswith("> Caution: it-piano-triennale-2024")
    assert "Caution" not in markdown.split("## Legend", 1)[1]
    assert "Caution" not in run("gaps", "it").stdout, "default peers are of the target's kind"


def test_a_principle_is_shown_against_each_jurisdiction_s_framework_of_its_kind() -> None:
    data = json.loads(run("show", "no:1", "--format", "json").stdout)
    shown = {c["framework"]["jurisdiction"]: c["framework"]["id"] for c in data["counterparts"]}
    assert shown["eu"] == "eu-eif-2017" and shown["dk"] == "dk-architecture-principles" and shown["uk"] == "uk-tcop"
    assert shown["au"] == "au-dss-v2", "a jurisdiction without architecture principles: its default"
    eif = next(c for c in data["counterparts"] if c["framework"]["id"] == "eu-eif-2017")
    assert any(x["source"] == "curated" for x in eif["alignments"])


def test_show_warns_first_where_it_shows_an_equivalent_inferred_across_kinds_with_what_such_proved_worth() -> None:
    # Reported: `show it uk` marked a strategy's broad principles = to narrow service points, about half of them
    # only overlaps by people's labels, with nothing to tell the reader.
    data = json.loads(run("show", "it", "uk", "--format", "json").stdout)
    crossing = [x for x in data["alignments"] if x["relation"] == "equivalent" and x["source"] == "inferred"]
    caution = data["kinds_caution"]
    assert caution["equivalents"] == len(crossing) > 0
    assert caution["measured"], "the strategy sets measured against service standards"
    table = run("show", "it", "uk").stdout
    first = " ".join(table.split("\n\n", 1)[0].split())
    assert first.startswith(f"Caution: {len(crossing)} equivalents inferred by the matcher")
    for measured in caution["measured"]:
        # Every set between a programme (a strategy, a law) and a service standard: the matcher treats them alike.
        assert measured["measured_between"][1] == "service-standard"
        right = round(measured["precision"] * measured["equivalents"])
        assert f"{right} of the {measured['equivalents']}" in first
    assert table.count("Caution") == 1, "said once, not again in the legend"
    markdown = run("show", "it", "uk", "--format", "markdown").stdout
    assert markdown.split("\n")[2].startswith("> Caution: ") and markdown.count("Caution") == 1
    html = run("show", "it", "uk", "--format", "html").stdout
    assert html.count('<p class="caution">Caution: ') == 1 and html.count("Caution") == 1


def test_no_caution_where_every_link_across_kinds_is_curated_or_nothing_is_equivalent() -> None:
    # uk-defra-2018 (strategy principles) and au-dss-v1 (a service standard): every link is curated.
    data = json.loads(run("show", "uk-defra-2018", "au-dss-v1", "--format", "json").stdout)
    assert {x["source"] for x in data["alignments"]} == {"curated"}
    assert data["kinds_caution"] is None and "Caution" not in run("show", "uk-defra-2018", "au-dss-v1").stdout
    assert "Caution" not in run("show", "it", "uk", "--theme", "cloud").stdout
    assert json.loads(run("show", "uk", "au", "--format", "json").stdout)["kinds_caution"] is None


def test_kinds_no_set_measures_are_said_to_be_unmeasured() -> None:
    out = " ".join(run("show", "uk-design-principles-2025", "uk").stdout.split())
    assert "No hand-labelled set measures equivalents between these kinds." in out and "%" not in out.split(".")[0]


def test_gaps_and_explain_across_kinds_carry_the_same_caution() -> None:
    gaps = " ".join(run("gaps", "it", "--against", "uk").stdout.split())
    assert "equivalents inferred by the matcher" in gaps and "may be only partly covered" in gaps
    explained = json.loads(run("explain", "it:9", "uk:12", "--format", "json").stdout)
    assert explained["alignment"]["relation"] == "equivalent" and explained["kinds_caution"]["equivalents"] == 1
    assert "> Caution: 1 equivalent inferred" in run("explain", "it:9", "uk:12", "--format", "markdown").stdout


def test_one_principle_shown_warns_for_its_counterparts_inferred_in_other_kinds() -> None:
    data = json.loads(run("show", "it:7", "--format", "json").stdout)
    kind_of = {c["framework"]["id"]: c["framework"]["kind"] for c in data["counterparts"]}
    own = data["framework"]["kind"]
    crossing = [
        a
        for c in data["counterparts"]
        for a in c["alignments"]
        if a["relation"] == "equivalent" and a["source"] == "inferred" and kind_of[c["framework"]["id"]] != own
    ]
    assert data["kinds_caution"]["equivalents"] == len(crossing) > 0
    named = {f for g in data["kinds_caution"]["kinds"] for f in g["frameworks"]}
    assert named == {data["framework"]["id"]} | {a["b"]["framework"] for a in crossing} | {
        a["a"]["framework"] for a in crossing
    }
    assert run("show", "it:7").stdout.count("Caution: ") == 1
    assert run("show", "it:7", "--format", "html").stdout.count('<p class="caution">') == 1


def test_a_csv_row_of_an_equivalent_inferred_across_kinds_carries_the_caution() -> None:
    # Reported: a spreadsheet has no room for the caution a report leads with, so `show it uk --format csv` gave
    # a strategy's broad principle = a narrow service point with nothing to tell the reader.
    note = "equivalent inferred between frameworks of different kinds: a candidate, to check against the sources"
    shown = json.loads(run("show", "it", "uk", "--format", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(run("show", "it", "uk", "--format", "csv").stdout)))
    marked = [r for r in rows if note in r["why"]]
    assert len(marked) == shown["kinds_caution"]["equivalents"] > 0
    assert all(r["relation"] == "equivalent" and r["source"] == "inferred" for r in marked)
    same_kind = list(csv.DictReader(io.StringIO(run("show", "uk", "au", "--format", "csv").stdout)))
    assert not any(note in r["why"] for r in same_kind)
    detail = json.loads(run("show", "it:7", "--format", "json").stdout)
    rows = list(csv.DictReader(io.StringIO(run("show", "it:7", "--format", "csv").stdout)))
    assert sum(note in r["why"] for r in rows) == detail["kinds_caution"]["equivalents"] > 0
    explained = list(csv.reader(io.StringIO(run("explain", "it:9", "uk:12", "--format", "csv").stdout)))
    assert ["caution", note, "", ""] in explained
    french = run("explain", "it:9", "uk:12", "--format", "csv", "--lang", "fr").stdout
    assert 'attention,"équivalence inférée entre référentiels de types différents' in french


def test_coverage_across_kinds_leads_with_the_caution_and_its_rows_carry_it() -> None:
    # Reported: `coverage it uk ca` printed "= 4 36%" with no word that those equivalents were inferred across kinds,
    # where show and gaps on the same frameworks warn.
    data = json.loads(run("coverage", "it", "uk", "ca", "--format", "json").stdout)
    shown = json.loads(run("show", "it", "uk", "ca", "--format", "json").stdout)
    assert data["kinds_caution"]["equivalents"] == shown["kinds_caution"]["equivalents"] > 0
    assert {tuple(p) for p in data["kinds_caution"]["pairs"]} == {
        ("it-piano-triennale-2024", "uk-service-standard-2019"),
        ("it-piano-triennale-2024", "ca-digital-standards"),
    }
    assert run("coverage", "it", "uk", "ca").stdout.startswith("Caution: ")
    markdown = run("coverage", "it", "uk", "ca", "--format", "markdown").stdout
    assert markdown.split("\n")[2].startswith("> Caution: ")
    rows = list(csv.DictReader(io.StringIO(run("coverage", "it", "uk", "ca", "--format", "csv").stdout)))
    flagged = {(r["framework"], r["other framework"]) for r in rows if r["caution"]}
    assert flagged == {(a, b) for a, b in data["kinds_caution"]["pairs"]} | {
        (b, a) for a, b in data["kinds_caution"]["pairs"]
    }
    assert {r["links from"] for r in rows} == {"inferred", "curated"}
    assert json.loads(run("coverage", "uk", "au", "--format", "json").stdout)["kinds_caution"] is None


def test_a_gap_row_from_a_peer_of_another_kind_carries_the_caution() -> None:
    # Reported: `gaps it --against uk -o g.csv` had no caution: every row read as a gap of the Italian strategy.
    rows = list(csv.DictReader(io.StringIO(run("gaps", "it", "--against", "uk", "--format", "csv").stdout)))
    gaps = [r for r in rows if r["kind"] == "gap"]
    assert gaps and all(r["caution"].startswith("a peer of another kind") for r in gaps)
    assert not any(r["caution"] for r in rows if r["kind"] != "gap")
    same = list(csv.DictReader(io.StringIO(run("gaps", "ca", "--format", "csv").stdout)))
    assert same and not any(r["caution"] for r in same), "peers of the target's kind"
