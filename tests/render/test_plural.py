from __future__ import annotations

import pytest

from dgcompare.render import counted, plural


@pytest.mark.parametrize(
    ("noun", "many"),
    [
        ("principle", "principles"),
        ("criterion", "criteria"),
        ("underlying principle", "underlying principles"),
        ("play", "plays"),
        ("policy", "policies"),
        ("gap", "gaps"),
    ],
)
def test_plural(noun: str, many: str) -> None:
    assert (plural(noun, 1), plural(noun, 2), plural(noun, 0)) == (noun, many, many)


def test_counted_agrees_with_the_count() -> None:
    assert [counted(n, "peer") for n in (0, 1, 2)] == ["0 peers", "1 peer", "2 peers"]
