"""Hostile input: nothing in a file may crash the tool, run code, hang it, fool the terminal or a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
import os
import resource
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from dgcompare import load_catalog
from dgcompare.catalog import build_catalog, load_taxonomy
from dgcompare.cli import app
from dgcompare.errors import CatalogError
from dgcompare.yamlfile import MAX_FILE_BYTES

from .conftest import FIXTURES

HOSTILE = FIXTURES / "hostile"


def problem(path: Path) -> Any:
    with pytest.raises(CatalogError) as caught:
        load_catalog([path])
    return caught.value.problems[0]


HANG_GUARD = 120
"""Seconds after which a command counts as hung: far above any healthy run on any machine, so never a speed test."""


def run_subprocess(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command, capped at 1 GiB of memory, so that a blow-up or a hang fails instead of hurting CI."""

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30))

    return subprocess.run(
        [sys.executable, "-m", "dgcompare", *args],
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
        preexec_fn=limit,
        check=False,
    )


def test_python_tags_are_refused_never_run(tmp_path: Path) -> None:
    marker = Path("/tmp/dgcompare-pwned")
    marker.unlink(missing_ok=True)
    found = problem(HOSTILE / "python-tag.yaml")
    assert found.code == "yaml-tag" and (found.line, found.column) == (1, 15)
    assert not marker.exists()


def test_alias_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    # 9**10 (3.5 billion) values once expanded; the loader stops counting at 200,000 and the process,
    # capped at 1 GiB, would die long before it could build them.
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = problem(bomb)
    assert found.code == "too-many-values" and "expands to more than 200,000 values" in found.message
    result = run_subprocess("validate", str(bomb))
    assert result.returncode == 2
    assert "expands to more than 200,000 values" in result.stdout


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    deep = tmp_path / "deep.yaml"
    deep.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert problem(deep).code in {"too-deep", "yaml-syntax"}
    nested = tmp_path / "nested.yaml"
    nested.write_text("".join(f"{'  ' * i}k{i}:\n" for i in range(80)) + "  " * 80 + "x: 1\n", encoding="utf-8")
    assert problem(nested).code == "too-deep"


def test_oversized_file_is_refused_with_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_text("jurisdiction:\n  name: " + "x" * (MAX_FILE_BYTES + 1) + "\n", encoding="utf-8")
    found = problem(big)
    assert found.code == "too-large" and "the limit is 2 MiB" in found.message


def test_absurd_field_length_states_the_limit(tmp_path: Path) -> None:
    text = (HOSTILE / "markup.yaml").read_text(encoding="utf-8").replace("[bold]Hostile[/bold]", "H" * 500)
    (tmp_path / "long.yaml").write_text(text, encoding="utf-8")
    found = problem(tmp_path / "long.yaml")
    assert "500 characters, the limit is 400" in found.message


@pytest.mark.parametrize(
    ("name", "code", "words"),
    [
        ("tabs", "yaml-syntax", "YAML syntax error"),
        ("scalar", "not-a-mapping", "the file is a text value"),
        ("escapes", "schema", "control character U+001B"),
    ],
)
def test_malformed_files(name: str, code: str, words: str) -> None:
    found = problem(HOSTILE / f"{name}.yaml")
    assert found.code == code and words in found.message and found.line is not None


def test_tab_indentation_says_to_replace_the_tab_with_spaces() -> None:
    assert problem(HOSTILE / "tabs.yaml").fix == "replace the tab with spaces: YAML indents with spaces only"


def test_every_control_character_is_refused() -> None:
    with pytest.raises(CatalogError) as caught:
        load_catalog([HOSTILE / "escapes.yaml"])
    messages = [p.message for p in caught.value.problems]
    assert any("U+001B" in m for m in messages)
    assert any("U+000D" in m for m in messages)
    assert any("U+202E" in m for m in messages)


def test_numbers_must_be_plain_positive_integers_and_ids_plain_slugs() -> None:
    with pytest.raises(CatalogError) as caught:
        load_catalog([HOSTILE / "bad-values.yaml"])
    found = {p.field: p.message for p in caught.value.problems}
    assert "not a valid code" in found["jurisdiction, code"]
    # An id or number that is not one does not name its item.
    assert "not a valid code" in found["framework 1, id"]
    assert "whole number" in found["framework 1, adopted"]
    assert "whole number" in found["framework 1, principle 1, number"]
    assert "out of range" in found["framework 1, principle 2 (number 0), number"]


def test_markup_in_catalog_text_is_printed_literally() -> None:
    result = CliRunner().invoke(app, ["--data-dir", str(HOSTILE / "markup.yaml"), "list"], env={"COLUMNS": "200"})
    assert "[bold]Hostile[/bold]" in result.stdout
    result = CliRunner().invoke(
        app, ["--data-dir", str(HOSTILE / "markup.yaml"), "show", "xh", "uk"], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0
    assert "[blink]Understand users[/blink] and their needs" in result.stdout
    html = CliRunner().invoke(app, ["--data-dir", str(HOSTILE / "markup.yaml"), "list", "--format", "html"]).stdout
    assert "[red]x[/red] [link=https://evil.example]click[/link]" in html
    assert 'href="https://evil.example"' not in html


def test_csv_neutralises_spreadsheet_formulas() -> None:
    out = (
        CliRunner()
        .invoke(app, ["--data-dir", str(HOSTILE / "markup.yaml"), "show", "xh", "uk", "--format", "csv"])
        .stdout
    )
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row if cell]
    assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in cells)
    search = (
        CliRunner()
        .invoke(app, ["--data-dir", str(HOSTILE / "markup.yaml"), "search", "hyperlink", "--format", "csv"])
        .stdout
    )
    summaries = [row["summary"] for row in csv.DictReader(io.StringIO(search))]
    assert summaries and summaries[0].startswith("'=HYPERLINK(")


def test_output_written_atomically_and_never_clobbered(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("precious", encoding="utf-8")
    result = CliRunner().invoke(app, ["show", "uk", "au", "-o", str(target)])
    assert result.exit_code == 1 and target.read_text(encoding="utf-8") == "precious"
    result = CliRunner().invoke(app, ["show", "uk", "au", "-o", str(target), "--force"])
    assert result.exit_code == 0 and json.loads(target.read_text(encoding="utf-8"))["frameworks"]
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"], "no temporary file left behind"


def test_a_failed_write_leaves_no_partial_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from dgcompare import output

    def broken_replace(source: str, destination: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "replace", broken_replace)
    result = CliRunner().invoke(app, ["list", "-o", str(tmp_path / "list.csv")])
    assert result.exit_code == 1 and "No space left on device" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_read_only_directory_is_a_clear_error(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write anywhere")
    tmp_path.chmod(0o500)
    try:
        result = CliRunner().invoke(app, ["list", "-o", str(tmp_path / "x.csv")])
        assert result.exit_code == 1 and "cannot write" in result.stderr
    finally:
        tmp_path.chmod(0o700)


YAMLISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=25,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=300))
def test_arbitrary_text_loads_or_fails_with_a_located_error(tmp_path: Path, text: str) -> None:
    _loads_or_located(tmp_path, text.encode("utf-8", "surrogatepass"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.fixed_dictionaries({"jurisdiction": YAMLISH, "frameworks": YAMLISH}) | YAMLISH)
def test_arbitrary_yaml_shaped_data_loads_or_fails_with_a_located_error(tmp_path: Path, data: Any) -> None:
    _loads_or_located(tmp_path, yaml.safe_dump(data, allow_unicode=True).encode("utf-8", "surrogatepass"))


def _loads_or_located(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "fuzz.yaml"
    path.write_bytes(raw)
    try:
        build_catalog([(path, str(path))], load_taxonomy())
    except CatalogError as error:
        assert error.problems
        assert all(p.path == str(path) and p.message and p.line is not None for p in error.problems)
