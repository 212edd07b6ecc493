from __future__ import annotations

from rich.console import Console

from dgcompare.errors import LexiconError, Problem
from dgcompare.render.errors import error_view


def test_a_lexicon_error_shows_each_problem_with_its_location() -> None:
    problem = Problem("en.txt", 12, 5, "everyone", "reads as 'user' here but as 'inclusion' at line 3", "keep one")
    console = Console(width=200, record=True, color_system=None)
    console.print(error_view(LexiconError([problem])))
    text = console.export_text()
    assert "en.txt:12:5: everyone: reads as 'user'" in text
    assert "fix: keep one" in text
    assert "1 problem in dgcompare's word lists" in text
