"""Like for like: gaps and matrix choose peers of one kind; list and every export say each framework's kind."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from dgcompare.cli import app
from dgcompare.reports.quality import across_kinds


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
    assert "Caution: it-piano-triennale-2024" in markdown.split("## Legend", 1)[1]
    assert "Caution" not in run("gaps", "it").stdout, "default peers are of the target's kind"


def test_a_principle_is_shown_against_each_jurisdiction_s_framework_of_its_kind() -> None:
    data = json.loads(run("show", "no:1", "--format", "json").stdout)
    shown = {c["framework"]["jurisdiction"]: c["framework"]["id"] for c in data["counterparts"]}
    assert shown["eu"] == "eu-eif-2017" and shown["dk"] == "dk-architecture-principles" and shown["uk"] == "uk-tcop"
    assert shown["au"] == "au-dss-v2", "a jurisdiction without architecture principles: its default"
    eif = next(c for c in data["counterparts"] if c["framework"]["id"] == "eu-eif-2017")
    assert any(x["source"] == "curated" for x in eif["alignments"])


def measured_across_kinds() -> list[str]:
    """The precisions shipped for sets measured across kinds, as the caution writes them."""
    return [f"{q.precision * 100:.0f}%" for q in across_kinds()]


def test_show_across_kinds_warns_first_with_the_precision_measured_across_kinds_in_every_format() -> None:
    # Reported: `show it uk` marked a strategy's broad principles = to narrow service points, about half of them
    # only overlaps by people's labels, with nothing to tell the reader.
    assert len(measured_across_kinds()) >= 2
    table = run("show", "it", "uk").stdout
    first = " ".join(table.split("\n\n", 1)[0].split())
    assert first.startswith(
        "Caution: these frameworks are of different kinds (strategy principles: it-piano-triennale-2024;"
    )
    assert all(figure in first for figure in measured_across_kinds())
    assert table.count("Caution") == 1, "said once, not again in the legend"
    markdown = run("show", "it", "uk", "--format", "markdown").stdout
    assert all(figure in markdown for figure in measured_across_kinds()) and "Caution" in markdown
    data = json.loads(run("show", "it", "uk", "--format", "json").stdout)
    assert [q["precision"] for q in data["across_kinds"]] == [q.precision for q in across_kinds()]


def test_show_of_one_kind_has_no_caution_and_carries_no_figures() -> None:
    assert "Caution" not in run("show", "uk", "au").stdout
    assert json.loads(run("show", "uk", "au", "--format", "json").stdout)["across_kinds"] == []


def test_gaps_across_kinds_quote_the_precision_measured_across_kinds() -> None:
    table = " ".join(run("gaps", "it", "--against", "uk").stdout.split())
    assert all(figure in table for figure in measured_across_kinds())
