"""``dgcompare brief`` from the command line: the format follows the file, errors lose nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare.cli import app


def invoke(*args: str) -> tuple[int, str, str]:
    outcome = CliRunner().invoke(app, list(args), env={"COLUMNS": "200"})
    return outcome.exit_code, outcome.stdout, outcome.stderr


def test_without_output_the_briefing_is_markdown_on_standard_output() -> None:
    code, out, _ = invoke("brief", "uk", "au", "ca")
    assert code == 0
    assert out.startswith("# Briefing: uk-service-standard-2019, au-dss-v2, ca-digital-standards\n")
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == ["## Summary", "## Alignment", "## Gaps", "## Theme coverage", "## Sources and method"]


def test_french_gives_a_french_document() -> None:
    code, out, _ = invoke("brief", "uk", "au", "--lang", "fr")
    assert code == 0
    headings = [line for line in out.splitlines() if line.startswith("## ")]
    assert headings == [
        "## Synthèse",
        "## Correspondances",
        "## Lacunes",
        "## Couverture des thèmes",
        "## Sources et méthode",
    ]


@pytest.mark.parametrize(("name", "start"), [("brief.md", b"# Briefing"), ("brief.xlsx", b"PK"), ("b.json", b"{")])
def test_the_suffix_sets_the_format(tmp_path: Path, name: str, start: bytes) -> None:
    target = tmp_path / name
    code, out, err = invoke("brief", "uk", "au", "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert f"wrote {target}" in err
    assert target.read_bytes().startswith(start)


def test_the_json_holds_every_report_of_the_briefing(tmp_path: Path) -> None:
    code, out, _ = invoke("brief", "ca", "--against", "uk,au", "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["examined"] == ["ca-digital-standards"]
    assert {"comparison", "coverage", "gaps", "matrix", "method"} <= data.keys()
    assert [g["target"]["id"] for g in data["gaps"]] == ["ca-digital-standards"]


def test_a_workbook_needs_a_file() -> None:
    code, out, err = invoke("brief", "uk", "au", "--format", "xlsx")
    assert code == 2
    assert out == ""
    assert "-o briefing.xlsx" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["brief", "uk"], "two or more different frameworks"),
        (["brief", "uk", "uk-service-standard-2019"], "two or more different frameworks"),
        (["brief", "uk", "zz"], "zz"),
        (["brief", "uk", "au", "-o", "brief.pdf"], "does not write .pdf files"),
        (["brief", "uk", "au", "--format", "csv"], "csv"),
    ],
)
def test_bad_input_gets_one_message_and_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke(*args)
    assert code == 2
    assert message in err
    assert "Traceback" not in err
    assert out == ""
    assert not list(tmp_path.iterdir())


def test_an_existing_file_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "brief.md"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = invoke("brief", "uk", "au", "-o", str(target))
    assert code == 1
    assert "--force" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert invoke("brief", "uk", "au", "-o", str(target), "--force")[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# Briefing")


def test_other_reports_point_a_workbook_to_csv_or_brief(tmp_path: Path) -> None:
    code, _, err = invoke("show", "uk", "au", "-o", str(tmp_path / "x.xlsx"))
    assert code == 2
    assert "x.csv" in err and "dgcompare brief" in err


def test_brief_offers_no_csv_delimiter_since_it_writes_no_csv() -> None:
    # Reported: brief --help listed --csv-delimiter, which it never used, and accepted it silently.
    assert "--csv-delimiter" not in CliRunner().invoke(app, ["brief", "--help"], env={"COLUMNS": "120"}).stdout
    refused = CliRunner().invoke(app, ["--csv-delimiter", ";", "brief", "uk", "au", "--format", "markdown"])
    assert refused.exit_code == 2 and "brief takes no --csv-delimiter" in refused.stderr
    assert "--csv-delimiter" in CliRunner().invoke(app, ["show", "--help"], env={"COLUMNS": "120"}).stdout
