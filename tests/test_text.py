from __future__ import annotations

import pytest

from dgcompare.text import detect, fold, words


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


def test_italian_and_english_meet_through_the_lexicon() -> None:
    assert words("Proteggere la privacy degli utenti") == words("Protect the privacy of users")
    assert words("Riutilizzare il codice sorgente aperto") == words("Reuse open source")


def test_an_italian_verb_is_read_without_the_pronouns_written_onto_it() -> None:
    assert words("riutilizzarli", language="it") == words("riutilizzare", language="it") == ("reuse",)
    assert words("utilizzandoli", language="it") == words("utilizzando", language="it") == ()
    assert words("perla", language="it") == ("perla",), "a word is cut only to reach one the list has"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Collaborare ampiamente", "it"),  # no function word: the Italian list knows both words
        ("Gestire i rischi per la sicurezza e la privacy", "it"),  # as many French as Italian function words
        ("Integrare l'accessibilità fin dall'inizio", "it"),  # 'à' is a French letter as much as an Italian one
        ("Progettare con gli utenti", "it"),
        ("Administrative simplification", "en"),  # one word of the French list is not enough
        ("Make source code open", "en"),  # 'source' reads as itself in French
        ("Create a secure service which protects users' privacy", "en"),  # so does Italian 'create'
        ("Collaborer largement", "fr"),
        # one function word ahead is no proof either: 'le', 'la' are French markers, 'que', 'se' Spanish ones
        ("Le soluzioni tecnologiche devono evitare la dipendenza da fornitori", "it"),
        ("Veiller à ce que les usagers se sentent en confiance", "fr"),
    ],
)
def test_a_close_count_of_function_words_goes_to_the_language_whose_list_knows_the_words(
    text: str, language: str
) -> None:
    assert detect(text) == language
