"""Extending a YAML file without rewriting what a person wrote in it."""

from __future__ import annotations

import pytest
import yaml

from dgcompare.yamlfile import append_to_sequence, field_path, parse_yaml

NEW = [{"source": 4, "target": 5}, {"source": 6, "target": 7, "explanation": "A long reason. " * 9}]


@pytest.mark.parametrize(
    "text",
    [
        # The list last, its items indented, a comment of its own after them.
        "crosswalk:\n  source: a  # the standard\nmappings:\n  - source: 1\n    target: 2  # checked\n  # more soon\n",
        # Items in the key's column, no newline at the end.
        "crosswalk:\n  source: a\nmappings:\n- source: 1\n  target: 2",
        # Another key after the list, with a comment of its own.
        "mappings:\n  - source: 1\n    target: 2\n\n# who made it\ncrosswalk:\n  source: a\n",
        # Windows line endings.
        "crosswalk:\r\n  source: a\r\nmappings:\r\n  - source: 1\r\n    target: 2\r\n",
    ],
)
def test_items_are_added_after_the_last_one_and_every_line_stays_as_written(text: str) -> None:
    out = append_to_sequence(text, parse_yaml(text, "x").node, "mappings", NEW)
    assert out is not None
    assert yaml.safe_load(out)["mappings"] == [{"source": 1, "target": 2}, *NEW]
    assert yaml.safe_load(out)["crosswalk"] == yaml.safe_load(text)["crosswalk"]
    kept = out.splitlines(keepends=True)
    for line in text.splitlines(keepends=True):
        assert line in kept or line + ("\r\n" if "\r" in text else "\n") in kept, line  # the last may gain a newline
    # The new lines end as the file's do.
    assert out.count("\n") == out.count("\r\n") if "\r\n" in text else "\r" not in out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("crosswalk:\n  source: a\nmappings: []  # none yet\n", "mappings:\n  - source: 4\n"),
        ("crosswalk:\n  source: a  # mine\n", "crosswalk:\n  source: a  # mine\nmappings:\n- source: 4\n"),
    ],
)
def test_an_empty_or_missing_list_becomes_a_block_list(text: str, expected: str) -> None:
    out = append_to_sequence(text, parse_yaml(text, "x").node, "mappings", NEW)
    assert out is not None and out.startswith(expected.split("mappings")[0]) and expected in out
    assert yaml.safe_load(out)["mappings"] == NEW
    assert all(comment in out for comment in ("# none yet", "# mine") if comment in text)


def test_a_flow_list_with_items_is_left_to_the_caller() -> None:
    text = "crosswalk:\n  source: a\nmappings: [{source: 1, target: 2}]\n"
    assert append_to_sequence(text, parse_yaml(text, "x").node, "mappings", NEW) is None
    assert append_to_sequence(text, parse_yaml(text, "x").node, "mappings", []) == text


PRINCIPLES = """\
frameworks:
  - id: x-a
    principles:
      - number: 1
        title: Know your users
        summary: >-
          Research who uses the service
          and what they need.
      - number: 2
        title: Protect their data
"""


def problem_of(text: str) -> tuple[int | None, int | None, str, str]:
    from dgcompare.errors import CatalogError

    with pytest.raises(CatalogError) as raised:
        parse_yaml(text, "x.yaml")
    (found,) = raised.value.problems
    return found.line, found.column, found.message, found.fix


def test_a_key_without_its_colon_is_named_on_its_own_line_not_the_next() -> None:
    # Reported: '- number 3' was reported on the line below, 'mapping values are not allowed', with a general fix.
    line, _, message, fix = problem_of(PRINCIPLES.replace("- number: 2", "- number 2"))
    assert (line, message, fix) == (9, "YAML syntax error: no colon after the key 'number'", "write it as number: 2")
    line, _, message, fix = problem_of(PRINCIPLES.replace("title: Protect", "title Protect"))
    assert (line, message, fix) == (
        10,
        "YAML syntax error: no colon after the key 'title'",
        "write it as title: Protect their data",
    )


def test_folded_text_above_a_broken_key_is_not_taken_for_a_key() -> None:
    line, _, message, fix = problem_of(
        PRINCIPLES.replace("      - number: 2\n", "        url: a: b\n      - number: 2\n")
    )
    assert line == 9 and "no colon" not in message and fix.startswith("the value contains ': '")


def test_an_unclosed_quote_is_named_where_it_opens_not_where_the_file_ends() -> None:
    # Reported: an unclosed quote on line 7 was reported at the end of the file, 31:1.
    line, column, message, fix = problem_of(PRINCIPLES.replace("title: Know your users", 'title: "Know your users'))
    assert (line, column) == (5, 16)
    assert message == 'YAML syntax error: the quote " opened here is never closed'
    assert fix == 'end the value with ", or remove the opening "'


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # PyYAML: 'found character that cannot start any token'
        ("a:\n\tb: 1\n", 2, 1),
        # PyYAML: 'found a tab character that violates indentation', which used to get the general fix
        ("a:\n  b: 1\n\tc: 2\n", 3, 1),
        ("a:\n  - x\n\t- y\n", 3, 1),
    ],
)
def test_a_tab_in_the_indentation_says_to_replace_it_with_spaces(text: str, line: int, column: int) -> None:
    assert problem_of(text)[0:2] == (line, column)
    assert problem_of(text)[3] == "replace the tab with spaces: YAML indents with spaces only"


def test_a_location_counts_items_from_1_and_names_them_by_their_id_number_or_pair() -> None:
    # Reported: "principles[1].title" named the second principle, numbered 2, by a zero-based index.
    text = PRINCIPLES.replace("      - number: 2\n", "      - number: 7\n") + "    omitted:\n      - number: 3\n"
    document = parse_yaml(text, "x.yaml")
    title = ("frameworks", 0, "principles", 1, "title")
    for root in (document.node, document.data):
        assert field_path(title, root) == "framework 1 (x-a), principle 2 (number 7), title"
        assert (
            field_path(("frameworks", 0, "omitted", 0, "number"), root) == "framework 1 (x-a), omitted, item 1, number"
        )
    assert field_path(title) == "framework 1, principle 2, title", "without the document, places alone"
    assert (
        field_path(("frameworks", 0, "principles", 5, "title"), document.node)
        == "framework 1 (x-a), principle 6, title"
    )
    assert field_path(("jurisdiction", "aliases", 1)) == "jurisdiction, alias 2"
    mappings = parse_yaml("mappings:\n  - source: 4\n    target: 12\n  - source: x\n", "m.yaml").node
    assert field_path(("mappings", 0, "strength"), mappings) == "mapping 1 (4 -> 12), strength"
    assert field_path(("mappings", 1, "source"), mappings) == "mapping 2, source", "a pair that is not one is left out"


def test_a_repeated_key_is_located_in_words_too() -> None:
    text = PRINCIPLES.replace("        title: Protect their data\n", "        title: Protect\n        title: Protect\n")
    (problem,) = parse_yaml(text, "x.yaml").problems
    assert (problem.line, problem.field) == (11, "framework 1 (x-a), principle 2 (number 2), title")
