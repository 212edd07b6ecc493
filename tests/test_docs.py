"""The README's promises: its output excerpts are real, every command is documented."""

from __future__ import annotations

import importlib.util
import re
import shlex
from pathlib import Path
from types import ModuleType
from typing import Any

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


LIBRARY = re.compile(
    r"<!-- library: run by tests/test_docs.py -->\n```sh\n(?P<install>.*?)```\n```python\n(?P<code>.*?)```\n", re.S
)
FROM_PYTHON = re.compile(
    r"<!-- library: from Python objects, run by tests/test_docs.py -->\n```python\n(?P<code>.*?)```\n", re.S
)


@pytest.mark.parametrize("with_pandas", [True, False])
def test_the_readme_goes_from_pip_install_to_a_data_frame_with_provenance_in_five_lines(
    with_pandas: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import sys

    from dgcompare import load_catalog

    found = LIBRARY.search(README.read_text(encoding="utf-8"))
    assert found, "the README's library snippet"
    assert found["install"] == "pip install 'dgcompare[pandas]'\n"
    lines = found["code"].splitlines()
    assert 1 + len(lines) <= 5
    namespace: dict[str, Any] = {}
    if not with_pandas:
        # Without the extra, the snippet up to the frame runs, and the same rows come as records.
        monkeypatch.setitem(sys.modules, "pandas", None)
        exec("\n".join(line for line in lines if not line.startswith("frame")), namespace)
        records = namespace["result"].to_records()
        assert records and any(r["crosswalk"] for r in records)
        return
    if importlib.util.find_spec("pandas") is None:
        assert os.environ.get("CI") != "true", "pandas is missing: CI installs .[dev], which must hold it"
        pytest.skip("pandas is not installed (pip install -e '.[dev]')")
    import pandas

    exec(found["code"], namespace)
    frame, result = namespace["frame"], namespace["result"]
    assert isinstance(frame, pandas.DataFrame) and len(frame) == len(result.alignments) > 0
    curated = frame[frame["source"] == "curated"]
    assert len(curated) and curated["crosswalk"].str.startswith("<built-in>/crosswalks/").all()
    assert frame.attrs["provenance"]["catalog_fingerprint"] == load_catalog().fingerprint
    assert frame.attrs["provenance"]["config"]["curated"] is True


def test_the_readme_example_of_python_objects_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    found = FROM_PYTHON.search(README.read_text(encoding="utf-8"))
    assert found, "the README's example of frameworks and crosswalks made in Python"
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, Any] = {}
    exec(found["code"], namespace)
    written = tmp_path / "nhsx--uk.yaml"
    from dgcompare.models import CrosswalkFile
    from dgcompare.yamlfile import read_yaml, validate_document

    assert validate_document(read_yaml(written), CrosswalkFile) == namespace["mapping"]
    first = namespace["compare"](namespace["catalog"], "nhsx-dss-2024", "uk").to_records()[0]
    assert (first["a_number"], first["b_number"], first["source"], first["crosswalk"]) == (1, 1, "curated", "<python>")


def test_the_extras_hold_what_the_library_and_ci_need() -> None:
    import tomllib

    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(d.startswith("pandas") for d in extras["pandas"])
    assert any(d.startswith("pandas") for d in extras["dev"]) and any(d.startswith("pdoc") for d in extras["dev"])
    assert "python scripts/docs.py" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_a_message_names_exists() -> None:
    # A hint that sends the user to a command that does not exist is worse than none.
    source = ROOT / "src" / "dgcompare"
    named = {
        match.group(1)
        for path in source.rglob("*.py")
        for match in re.finditer(r"`dgcompare ([a-z]+)", path.read_text(encoding="utf-8"))
    }
    assert named, "the pattern finds the commands messages name"
    assert named <= set(command_names()), sorted(named - set(command_names()))


def test_the_one_line_reprs_the_readme_quotes_are_the_librarys() -> None:
    # Reported: the README quoted '14 rows, 21 links' where the library gives 22.
    from dgcompare import compare, load_catalog

    text = " ".join(README.read_text(encoding="utf-8").split())
    catalog = load_catalog()
    quoted = re.findall(r"`(<(?:Catalog|Comparison)[^`]*>)`", text)
    assert len(quoted) == 2
    assert set(quoted) == {repr(catalog), repr(compare(catalog, ["uk", "au"]))}
