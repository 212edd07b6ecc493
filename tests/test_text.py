from __future__ import annotations

import pytest

from dgcompare.text import fold, words


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Sécurité’s", "securite's"),
        ("Cœur", "coeur"),
        ("ŒUVRE", "oeuvre"),
        ("Æsthetic", "aesthetic"),
        ("Straße", "strasse"),
        ("Ørsted", "orsted"),
        ("Łódź", "lodz"),
    ],
)
def test_fold_spells_out_letters_that_have_no_accent_to_strip(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_a_ligature_does_not_split_a_french_word() -> None:
    assert words("placer l'usager au cœur du service") == words("placer l'usager au coeur du service")
    assert words("mise en œuvre", language="fr") == words("mise en oeuvre", language="fr")
    assert words("sœur", language="fr") == ("soeur",)
