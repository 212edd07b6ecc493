from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dgcompare import __version__, load_catalog
from dgcompare.cli import app
from dgcompare.reports.listing import listing

from .conftest import INVALID, VALID

runner = CliRunner()


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args), env={"COLUMNS": "100", **(env or {})})
    return result.exit_code, result.stdout, result.stderr


def test_version() -> None:
    assert run("--version") == (0, f"dgcompare {__version__}\n", "")


def test_list_json_is_the_library_result() -> None:
    code, out, err = run("list", "--format", "json")
    assert (code, err) == (0, "")
    assert json.loads(out) == listing(load_catalog()).model_dump(mode="json")


def test_list_csv_parses_back() -> None:
    _, out, _ = run("list", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == sum(1 for _ in load_catalog().frameworks())
    uk = next(r for r in rows if r["framework"] == "uk-service-standard-2019")
    assert (uk["jurisdiction"], uk["year"], uk["principles"], uk["default"]) == ("uk", "2019", "14", "yes")
    undated = next(r for r in rows if r["framework"] == "us-uswds-principles")
    assert undated["year"] == "n.d.", "a text that states no year reads n.d., as in every other format"


def test_list_shows_an_undated_framework_as_having_no_date() -> None:
    _, out, _ = run("list")
    line = next(line for line in out.splitlines() if "us-uswds-principles" in line)
    assert "n.d." in line and "None" not in line


def test_unknown_token_exits_2_with_suggestion_and_no_traceback() -> None:
    code, out, err = run("show", "ukk", "au")
    assert (code, out) == (2, "")
    assert "'ukk' is not a jurisdiction or framework" in err and "did you mean 'uk'?" in err
    assert "Traceback" not in err


def test_validate_directory_of_broken_files_exits_2_and_locates_each() -> None:
    code, out, _ = run("validate", str(INVALID))
    assert code == 2
    for path in INVALID.glob("*.yaml"):
        assert f"{path}:" in out, path.name
    assert "problems" in out


def test_validate_default_is_the_active_catalog() -> None:
    code, out, _ = run("validate")
    assert code == 0
    assert out.startswith("OK: 35 files valid (18 jurisdictions, 31 frameworks, 289 principles, 17 crosswalks)")


def test_validate_json() -> None:
    code, out, _ = run("validate", str(INVALID / "malformed-url.yaml"), "--format", "json")
    assert code == 2
    problem = json.loads(out)["problems"][0]
    assert (problem["line"], problem["column"], problem["field"]) == (9, 10, "framework 1 (xi-one), url")


def test_broken_user_catalog_stops_every_command_with_exit_2() -> None:
    code, out, err = run("--data-dir", str(INVALID / "duplicate-key.yaml"), "list")
    assert (code, out) == (2, "")
    assert "duplicate-key.yaml:7:5: framework 1 (xd-one), title: key 'title' appears twice" in err


def test_data_dir_option_and_environment_variable() -> None:
    assert run("--data-dir", str(VALID), "show", "on", "ca")[0] == 0
    assert run("show", "on", "ca", "--data-dir", str(VALID))[0] == 0
    assert run("show", "on", "ca", env={"DGCOMPARE_DATA": f"{INVALID / 'nowhere'}{os.pathsep}{VALID}"})[0] == 2
    assert run("show", "on", "ca", env={"DGCOMPARE_DATA": str(VALID)})[0] == 0


READS = (
    "dgcompare reads the .yaml and .yml files at the top of a directory and in its principles/ and crosswalks/ folders"
)


@pytest.mark.parametrize("command", [["show", "vl", "uk"], ["validate"]])
def test_a_data_dir_whose_files_are_deeper_is_one_error_that_names_the_data_dir_to_give(
    tmp_path: Path, command: list[str]
) -> None:
    # Reported: 'show vl uk' said 'vl' was not in the catalog, and validate said "OK: 35 files valid" (the
    # built-in catalog alone), read as "my file is valid".
    (tmp_path / "borradores").mkdir()
    (tmp_path / "borradores" / "vl.yaml").write_text((VALID / "on.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run("-d", str(tmp_path), *command)
    assert (code, out) == (2, "")
    assert err == (
        f"Error: {tmp_path}: no catalog file to read: {READS} ({tmp_path / 'borradores' / 'vl.yaml'} is deeper down; "
        f"to read it, give -d {tmp_path / 'borradores'})\n"
    )


def test_an_empty_data_dir_is_an_error(tmp_path: Path) -> None:
    code, out, err = run("list", "-d", str(tmp_path))
    assert (code, out) == (2, "")
    assert err == (
        f"Error: {tmp_path}: the directory is empty: {READS} "
        "(put your catalog files there, or name the directory that holds them)\n"
    )


def test_a_directory_given_to_validate_with_its_files_deeper_names_the_one_to_give(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "on.yaml").write_text((VALID / "on.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run("validate", str(tmp_path))
    assert (code, out) == (2, "")
    assert err.endswith(f"to read it, run dgcompare validate {tmp_path / 'drafts'})\n")


def test_a_data_dir_that_does_not_exist_is_said_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Reported: "nosuch: the path does not exist" and its fix, then "Error: nosuch does not exist".
    monkeypatch.chdir(tmp_path)
    code, out, err = run("-d", "nosuch", "show", "vl", "uk")
    assert (code, out) == (2, "")
    assert err == (
        "Error: nosuch: the path does not exist (check the path: a catalog file or a directory of them, as given "
        "to --data-dir or DGCOMPARE_DATA)\n"
    )


def test_several_unreadable_data_dirs_are_each_listed_then_counted(tmp_path: Path) -> None:
    code, out, err = run("-d", str(tmp_path / "nosuch"), "-d", str(tmp_path), "list")
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{tmp_path}: the directory is empty: {READS}",
        "  fix: put your catalog files there, or name the directory that holds them",
        f"{tmp_path / 'nosuch'}: the path does not exist",
        "  fix: check the path: a catalog file or a directory of them, as given to --data-dir or DGCOMPARE_DATA",
        "Error: 1 path does not exist; 1 directory holds no catalog file",
    ]


def test_validate_names_the_users_files_it_read(tmp_path: Path) -> None:
    # The verdict counts the built-in catalog's files too; the user's are named, so that it is clear they were read.
    (tmp_path / "principles").mkdir()
    (tmp_path / "principles" / "vl.yaml").write_text((VALID / "on.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    code, out, err = run("-d", str(tmp_path), "validate")
    assert code == 0 and out.startswith("OK: 36 files valid")
    assert err == f"Checked 1 file of yours: {tmp_path / 'principles' / 'vl.yaml'}\n"
    code, _, err = run("validate")
    assert (code, err) == (0, ""), "nothing to name when there is no file of the user's"


def test_output_file_is_written_and_not_overwritten_without_force(tmp_path: Path) -> None:
    target = tmp_path / "list.csv"
    code, out, err = run("list", "-o", str(target))
    assert (code, out) == (0, "")
    assert f"wrote {target}" in err
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV files carry a BOM so Excel reads UTF-8"
    target.write_text("keep me", encoding="utf-8")
    code, _, err = run("list", "-o", str(target))
    assert code == 1 and "already exists" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "keep me"
    assert run("list", "-o", str(target), "--force")[0] == 0
    assert target.read_bytes() == raw


def test_unwritable_output_leaves_nothing(tmp_path: Path) -> None:
    code, _, err = run("list", "-o", str(tmp_path / "missing" / "x.json"))
    assert code == 1 and "does not exist" in err
    assert not (tmp_path / "missing").exists()


def test_bad_option_is_a_usage_error() -> None:
    assert run("list", "--format", "yaml")[0] == 2


def test_html_and_svg_files_are_documents(tmp_path: Path) -> None:
    for command, suffix, start in (("list", "html", "<!doctype html>"), ("matrix", "svg", "<svg")):
        target = tmp_path / f"{command}.{suffix}"
        assert run(command, "-o", str(target))[0] == 0
        text = target.read_text(encoding="utf-8")
        assert "uk-service-standard-2019" in text
        assert text.startswith(start)


def test_internal_error_is_one_line_and_exit_1(monkeypatch: pytest.MonkeyPatch) -> None:
    import dgcompare.reports.listing

    def boom(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(dgcompare.reports.listing, "listing", boom)
    code, out, err = run("list")
    assert (code, out) == (1, "")
    assert err == "Error: internal error: RuntimeError: boom (run again with --debug for the traceback)\n"
    with pytest.raises(RuntimeError):
        runner.invoke(app, ["--debug", "list"], catch_exceptions=False)


def test_every_command_has_help_with_an_example() -> None:
    for command in ("list", "show", "validate"):
        code, out, _ = run(command, "--help")
        assert code == 0
        assert "Example" in out, command


def test_no_colour_when_piped_or_no_color(tmp_path: Path) -> None:
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": ""}
    out = subprocess.run(
        [sys.executable, "-m", "dgcompare", "list"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert "\x1b[" not in out


def test_force_color_still_yields_to_no_color() -> None:
    env = {**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "1"}
    out = subprocess.run(
        [sys.executable, "-m", "dgcompare", "list"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert "\x1b[3" not in out


def test_colour_on_a_forced_terminal() -> None:
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"} | {"FORCE_COLOR": "1"}
    out = subprocess.run(
        [sys.executable, "-m", "dgcompare", "list"], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert "\x1b[" in out


def test_python_dash_m_works_from_any_directory(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "dgcompare", "show", "uk", "au", "--format", "json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=True,
    )
    assert json.loads(result.stdout)["frameworks"][1]["id"] == "au-dss-v2"


def test_lang_fr_shows_french_and_marks_english_fallback() -> None:
    code, out, _ = run("show", "ca", "uk", "--lang", "fr", "--format", "csv")
    assert code == 0
    first = next(csv.DictReader(io.StringIO(out)))
    assert first["titre"] == "Concevoir avec les utilisateurs"
    assert first["titre correspondant"] == "Understand users and their needs [en]"
    code, out, _ = run("show", "ca", "uk", "--lang", "fr")
    assert (
        "[en]\u00a0: le libellé officiel, dans la langue de ce code\u00a0; le catalogue n’a pas de version officielle"
        in out
    )


def test_list_ranks_and_french_names() -> None:
    code, out, _ = run("list", "--ranks", "--lang", "fr")
    assert code == 0 and "Royaume-Uni" in out and "4 (2018)" in out
    rows = list(csv.DictReader(io.StringIO(run("list", "--format", "csv")[1])))
    uk = next(r for r in rows if r["framework"] == "uk-service-standard-2019")
    assert uk["UN EGDI rank of 193, by survey year"].startswith("2018: 4")


def test_list_says_a_default_framework_is_superseded(tmp_path: Path) -> None:
    # Reported: Norway's only framework, replaced in 2019-2020, was listed as "default" and nothing else.
    code, out, _ = run("list")
    assert code == 0 and "7 principles · technology principles · default · superseded" in " ".join(out.split())
    data = tmp_path / "xs.yaml"
    data.write_text(
        "jurisdiction: {code: xs, name: Examplestan}\n"
        "frameworks:\n"
        "  - {id: xs-old, title: Old, publisher: P, adopted: 2001, url: https://xs.example/old, default: true,\n"
        "     status: superseded, superseded_by: xs-new, principles: [{number: 1, title: One}]}\n"
        "  - {id: xs-new, title: New, publisher: P, adopted: 2011, url: https://xs.example/new,\n"
        "     principles: [{number: 1, title: One}]}\n",
        encoding="utf-8",
    )
    code, out, err = run("--data-dir", str(data), "list")
    assert code == 0, err
    assert "1 principle · default · superseded by xs-new" in " ".join(out.split())


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (["--format", "json"], ["--format", "json"]),
        (["--lang", "fr"], ["--lang", "fr"]),
        (["-f", "csv", "--lang", "fr"], ["--lang", "fr", "-f", "csv"]),
        ([f"-d{VALID}", "-f", "json"], ["--data-dir", str(VALID), "-f", "json"]),
    ],
)
def test_common_options_mean_the_same_before_or_after_the_command(before: list[str], after: list[str]) -> None:
    tokens = ["on", "ca"] if any(str(VALID) in a for a in before) else ["uk", "au", "ca"]
    first = run(*before, "show", *tokens, "--inferred-only")
    second = run("show", *tokens, "--inferred-only", *after)
    assert first[0] == 0, first[2]
    assert first == second


def test_options_after_the_command_override_those_before(tmp_path: Path) -> None:
    code, out, _ = run("--format", "csv", "list", "--format", "json")
    assert code == 0 and isinstance(json.loads(out), dict)
    target = tmp_path / "list.md"
    assert run("-o", str(tmp_path / "ignored.csv"), "list", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("# Catalog: ") and not (tmp_path / "ignored.csv").exists()


@pytest.mark.parametrize("place", ["before", "after"])
def test_debug_before_or_after_the_command_shows_the_traceback(place: str) -> None:
    args = ["--debug", "show", "uk", "zz"] if place == "before" else ["show", "uk", "zz", "--debug"]
    result = runner.invoke(app, args)
    from dgcompare.errors import UnknownTokenError

    assert isinstance(result.exception, UnknownTokenError), "the error reaches the caller with its traceback"
    plain = runner.invoke(app, ["show", "uk", "zz"])
    assert plain.exit_code == 2 and "Traceback" not in plain.stderr and plain.exception is not None


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # A crosswalk file is a data format, not a report: it has no language to choose.
        (["--lang", "fr", "crosswalk", "draft", "uk", "au"], "dgcompare crosswalk draft takes no --lang"),
        (["--format", "csv", "crosswalk", "draft", "uk", "au"], "dgcompare crosswalk draft takes no --format"),
    ],
)
def test_an_option_the_command_does_not_take_is_refused_wherever_it_is_given(args: list[str], message: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "") and message in err


def test_a_report_standard_output_cannot_encode_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONIOENCODING": "latin-1", "COLUMNS": "100"}
    result = subprocess.run(
        [sys.executable, "-m", "dgcompare", "show", "uk", "au"], capture_output=True, env=env, check=False
    )
    assert result.returncode == 1 and result.stdout == b""
    message = result.stderr.decode("latin-1")
    assert "standard output's encoding (iso8859-1) cannot show" in message and "PYTHONIOENCODING=utf-8" in message
    assert "Traceback" not in message
    target = tmp_path / "report.txt"
    result = subprocess.run(
        [sys.executable, "-m", "dgcompare", "show", "uk", "au", "-o", str(target)], env=env, check=False
    )
    assert result.returncode == 0 and "’" in target.read_text(encoding="utf-8"), "a file is UTF-8 whatever the terminal"


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (["explain", "uk:1", "au"], "'au' lacks a criterion number: expected the form A:N, e.g. au:1", "1, 2, 3"),
        (["explain", ":3", "au:1"], "':3' lacks a framework before the colon: expected the form A:N", "e.g. uk:3"),
        (["show", "uk:1", "au"], "'uk:1' names a principle, but a framework is expected here", "write uk"),
    ],
)
def test_a_principle_token_of_the_wrong_form_says_what_is_missing(args: list[str], message: str, hint: str) -> None:
    code, out, err = run(*args)
    assert (code, out) == (2, "")
    assert message in err and hint in err
    assert "''" not in err


@pytest.mark.parametrize(
    ("token", "framework"),
    [
        ("gb", "uk-service-standard-2019"),
        ("GBR", "uk-service-standard-2019"),
        ("United Kingdom", "uk-service-standard-2019"),
        ("royaume-uni", "uk-service-standard-2019"),
        ("aus", "au-dss-v2"),
        ("canada", "ca-digital-standards"),
        ("can", "ca-digital-standards"),
        ("usa", "us-playbook"),
        ("États-Unis", "us-playbook"),
        ("etats unis", "us-playbook"),
        ("dnk", "dk-digital-ready-legislation"),
        ("nzl", "nz-dsds"),
        ("nouvelle-zelande", "nz-dsds"),
    ],
)
def test_iso_codes_and_names_in_english_or_french_select_the_jurisdiction(token: str, framework: str) -> None:
    other = "au" if framework == "uk-service-standard-2019" else "uk"
    code, out, err = run("show", other, token, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["frameworks"][1]["id"] == framework


def test_a_jurisdiction_name_selects_it_in_search_too() -> None:
    code, out, _ = run("search", "open source", "--jurisdiction", "Canada", "--format", "json")
    assert code == 0
    hits = json.loads(out)["hits"]
    assert hits and {h["framework"] for h in hits} == {"ca-digital-standards"}


@pytest.mark.parametrize(
    ("token", "hint"),
    [
        ("ua", "it is not in the catalog: run `dgcompare list` to see what is, or add your own with --data-dir DIR"),
        ("canda", "did you mean 'ca' (Canada) or 'in' (India)?"),
        ("austrlia", "did you mean 'au' (Australia)?"),
    ],
)
def test_a_jurisdiction_not_in_the_catalog_is_said_so_with_the_closest_or_how_to_look(token: str, hint: str) -> None:
    code, out, err = run("show", "uk", token)
    assert (code, out) == (2, "")
    assert f"'{token}' is not a jurisdiction or framework ({hint})" in err


ALIGNING = [
    ["show", "uk", "au"],
    ["show", "uk:1"],
    ["gaps", "ca", "--against", "uk"],
    ["diff", "uk-dss-2015", "uk"],
    ["explain", "uk:9", "ca:5"],
    ["crosswalk", "draft", "uk", "au"],
]


@pytest.mark.parametrize("args", ALIGNING, ids=lambda args: " ".join(args[:2]))
def test_every_aligning_command_takes_the_thresholds_and_checks_them(args: list[str]) -> None:
    code, out, err = run(*args, "--equivalent", "0.3", "--related", "0.5")
    assert (code, out) == (2, "")
    assert "--related (0.5) is above --equivalent (0.3)" in err


def test_the_thresholds_change_what_explain_diff_and_a_crosswalk_draft_say() -> None:
    strict = ["--inferred-only", "--equivalent", "0.99", "--related", "0.99"]
    data = json.loads(run("explain", "uk:9", "ca:5", "--format", "json", *strict)[1])
    assert (data["equivalent_threshold"], data["related_threshold"]) == (0.99, 0.99)
    changes = json.loads(run("diff", "uk-dss-2015", "uk", "--format", "json", *strict)[1])["changes"]
    # Nothing is equivalent, so every item is added or dropped, or uncertain beside an item left out of the catalog;
    # only linked commitments (open code ~ working in the open) stay related from 0.1 below the related threshold.
    assert {"added", "dropped"} <= {c["kind"] for c in changes}
    assert all(
        c["kind"] in {"added", "dropped", "uncertain"} or (c["relation"] == "related" and c["score"] >= 0.89)
        for c in changes
    )
    assert "\nmappings: []" in run("crosswalk", "draft", "uk", "au", *strict[1:])[1]


def test_against_takes_a_comma_separated_list_as_well_as_repeats() -> None:
    repeated = run("gaps", "ca", "--against", "uk", "--against", "au", "-a", "us", "--format", "json")
    listed = run("gaps", "ca", "--against", "uk,au, us", "--format", "json")
    mixed = run("gaps", "ca", "--against", "uk,au", "--against", "us,", "--format", "json")
    assert repeated[0] == 0, repeated[2]
    assert listed == repeated == mixed
    assert [p["framework"] for p in json.loads(listed[1])["peers"]] == [
        "uk-service-standard-2019",
        "au-dss-v2",
        "us-playbook",
    ]


def test_validate_counts_agree_with_their_nouns() -> None:
    code, out, _ = run("validate", str(VALID / "on.yaml"))
    assert code == 0
    assert out.endswith("OK: 1 file valid (1 jurisdiction, 1 framework, 1 principle, 0 crosswalks).\n")
    code, out, _ = run("validate", str(INVALID / "unknown-key.yaml"))
    assert code == 2 and out.endswith("\n1 problem in 1 of 1 file.\n")


def test_peers_may_follow_the_target_as_arguments() -> None:
    # Reported: `gaps ca uk` gave only "Got unexpected extra argument(s) (uk)".
    assert run("gaps", "ca", "uk", "au", "--format", "json") == run(
        "gaps", "ca", "--against", "uk,au", "--format", "json"
    )
