"""The README's promises: its output excerpts are real, every command is documented."""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path
from types import ModuleType

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


def docs_tool() -> ModuleType:
    pytest.importorskip("pdoc")
    spec = importlib.util.spec_from_file_location("docs_tool", ROOT / "scripts" / "docs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


STALE = '''"""A module."""


def add(a: int, b: int) -> int:
    """Add two numbers.

    Args:
        a: one number.
        c: a parameter it no longer has.
    """
    return a + b


def undocumented() -> None:
    pass
'''


def test_the_reference_build_fails_on_a_missing_or_stale_docstring(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    tool = docs_tool()
    import pdoc.doc

    (tmp_path / "stale_docstrings.py").write_text(STALE, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert list(tool.problems_of(pdoc.doc.Module.from_name("stale_docstrings"))) == [
        "stale_docstrings.add: Args names 'c', which is no parameter of it",
        "stale_docstrings.add: Args leaves out the parameter 'b'",
        "stale_docstrings.undocumented: no docstring",
    ]


def test_the_reference_covers_the_library_and_leaves_out_the_command_line() -> None:
    tool = docs_tool()
    named = tool.module_names()
    documented = {*named, *(m.modulename for m in tool._documented(named))}
    assert {"dgcompare", "dgcompare.api", "dgcompare.reports.base", "dgcompare.matcher.alignment"} <= documented
    assert not any(name.startswith(("dgcompare.cli", "dgcompare.__main__")) for name in documented)
