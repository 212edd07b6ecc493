"""Extending a YAML file without rewriting what a person wrote in it."""

from __future__ import annotations

import pytest
import yaml

from dgcompare.yamlfile import append_to_sequence, parse_yaml

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
