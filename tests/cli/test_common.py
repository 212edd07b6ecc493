"""The common options as a user types them: where output goes, in which format, and usage errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare.cli import app

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "100"})
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("name", "instead", "why"),
    [("brief.xlsx", "brief.csv", "which Excel opens"), ("out.pdf", "out.html", "which a browser prints to PDF")],
)
def test_an_output_suffix_that_is_no_format_is_a_usage_error_that_writes_nothing(
    tmp_path: Path, name: str, instead: str, why: str
) -> None:
    code, out, err = run("show", "uk", "au", "-o", str(tmp_path / name))
    assert (code, out) == (2, "")
    assert f"does not write {Path(name).suffix} files" in err
    assert "formats: table (.txt), json (.json), csv (.csv), markdown (.md), html (.html)" in err
    assert f"try {tmp_path / instead}, {why}" in err
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_suffix_is_refused_even_with_a_format(tmp_path: Path) -> None:
    code, _, err = run("show", "uk", "au", "--format", "csv", "-o", str(tmp_path / "brief.xlsx"))
    assert code == 2 and "does not write .xlsx files" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("place", ["before", "after"])
def test_a_format_that_contradicts_the_suffix_is_a_usage_error(tmp_path: Path, place: str) -> None:
    target = str(tmp_path / "x.json")
    args = ["--format", "csv", "show", "uk", "au", "-o", target]
    code, out, err = run(*args) if place == "before" else run("show", "uk", "au", *args[:2], "-o", target)
    assert (code, out) == (2, "")
    assert "--format csv contradicts" in err and "name the file" in err and "x.csv" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "start"),
    [("a.json", "{"), ("a.md", "# Comparison: "), ("a.CSV", "\ufeffframework"), ("a.txt", " uk-service-standard-2019")],
)
def test_the_format_follows_a_known_suffix(tmp_path: Path, name: str, start: str) -> None:
    assert run("show", "uk", "au", "-o", str(tmp_path / name))[0] == 0
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(start)


def test_a_file_without_suffix_takes_the_format_given(tmp_path: Path) -> None:
    assert run("show", "uk", "au", "-f", "json", "-o", str(tmp_path / "report"))[0] == 0
    assert "alignments" in json.loads((tmp_path / "report").read_text(encoding="utf-8"))


def test_dash_is_standard_output_and_creates_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run("show", "uk", "au", "-o", "-", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out)["frameworks"][0]["id"] == "uk-service-standard-2019"
    code, out, _ = run("-o", "-", "crosswalk", "draft", "uk", "au")
    assert code == 0 and out.startswith("crosswalk:")
    assert list(tmp_path.iterdir()) == []


def test_a_crosswalk_draft_is_written_only_to_a_yaml_file(tmp_path: Path) -> None:
    code, _, err = run("crosswalk", "draft", "uk", "au", "-o", str(tmp_path / "uk--au.csv"))
    assert code == 2 and "a crosswalk is a YAML file" in err and "uk--au.yaml" in err
    assert list(tmp_path.iterdir()) == []


def test_help_offers_only_the_formats_the_command_writes() -> None:
    _, out, _ = run("validate", "--help")
    assert "<table|json|csv|markdown>" in out and "svg" not in out and "html" not in out
    _, out, _ = run("show", "--help")
    assert "<table|json|csv|markdown|html>" in out
    _, out, _ = run("matrix", "--help")
    assert "<table|json|csv|markdown|html|svg>" in out, "the heatmap is also a chart"


@pytest.mark.parametrize("args", [["validate", "--format", "svg"], ["--format", "svg", "validate"]])
def test_a_format_the_command_does_not_write_is_a_usage_error(args: list[str]) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert "svg" in err and "markdown" in err


@pytest.mark.parametrize(
    "args",
    [
        ["show", "uk", "zz"],  # dgcompare's own usage error
        ["list", "--format", "yaml"],  # Click's
        ["show", "uk", "au", "--no-such-option"],  # Click's
        ["show", "uk", "au", "-o", "brief.xlsx"],  # dgcompare's
    ],
)
def test_every_usage_error_starts_with_the_same_prefix_and_exits_2(args: list[str]) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert err.splitlines()[-1].startswith("Error: "), err
    assert "error:" not in err


def test_an_output_path_under_a_file_says_it_is_a_file_not_a_missing_directory(tmp_path: Path) -> None:
    # Reported: "the directory mine/valdoria.yaml does not exist (create it first, ...)" of an existing file.
    (tmp_path / "valdoria.yaml").write_text("kept", encoding="utf-8")
    target = tmp_path / "valdoria.yaml" / "x.csv"
    code, out, err = run("show", "uk", "au", "-o", str(target))
    assert (code, out) == (1, "")
    assert err == (
        f"Error: cannot write {target}: {tmp_path / 'valdoria.yaml'} is a file, not a directory "
        f"(choose another path, e.g. {tmp_path / 'x.csv'})\n"
    )
    assert (tmp_path / "valdoria.yaml").read_text(encoding="utf-8") == "kept"
