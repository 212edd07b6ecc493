"""The README's promises: its output excerpts are real, every command is documented."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from dgcompare.cli import app

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
EXCERPT = re.compile(r"<!-- output: dgcompare (?P<args>.*?) -->\n```text\n(?P<body>.*?)```\n", re.S)


def command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_readme_excerpts_match_real_output(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    text = README.read_text(encoding="utf-8")
    matches = list(EXCERPT.finditer(text))
    assert len(matches) >= 3

    def actual(match: re.Match[str]) -> str:
        result = CliRunner().invoke(app, shlex.split(match["args"]), env={"COLUMNS": "80"})
        lines = match["body"].splitlines(keepends=True)
        return "".join(result.stdout.splitlines(keepends=True)[: len(lines)])

    if request.config.getoption("--update-golden"):
        README.write_text(EXCERPT.sub(lambda m: m[0].replace(m["body"], actual(m)), text), encoding="utf-8")
        return
    for match in matches:
        assert actual(match) == match["body"], f"README excerpt of `dgcompare {match['args']}` is out of date"


def test_every_command_is_documented_and_has_help() -> None:
    readme = README.read_text(encoding="utf-8")
    for name in command_names():
        assert f"dgcompare {name}" in readme, name
        result = CliRunner().invoke(app, [name, "--help"])
        assert result.exit_code == 0 and "Example" in result.stdout, name


def test_readme_starts_with_the_two_setup_commands() -> None:
    head = README.read_text(encoding="utf-8").split("## ")[0]
    assert "pip install . && dgcompare show uk au" in head
    assert 'pip install -e ".[dev]" && python -m pytest' in head


def test_documented_thresholds_are_the_matchers() -> None:
    from dgcompare.matcher import MatchConfig

    config = MatchConfig()
    help_text = " ".join(CliRunner().invoke(app, ["show", "--help"]).stdout.split())
    readme = README.read_text(encoding="utf-8")
    for value in (config.equivalent, config.related):
        assert f"(default {value:g})" in help_text
        assert f"{value:g}" in readme
