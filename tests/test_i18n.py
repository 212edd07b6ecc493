"""The French catalog: compiled from its source, complete, with French plural rules."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from dgcompare.i18n import LOCALE_DIR, plural_translator, translations, translator

ROOT = Path(__file__).resolve().parent.parent
PO = LOCALE_DIR / "fr" / "LC_MESSAGES" / "dgcompare.po"


def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("i18n_tool", ROOT / "scripts" / "i18n.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_shipped_mo_is_compiled_from_the_po() -> None:
    assert PO.with_suffix(".mo").read_bytes() == tool().compile_po(PO.read_text(encoding="utf-8")), (
        "dgcompare.mo is out of date: run python scripts/i18n.py compile"
    )


def test_every_message_of_the_code_has_a_french_translation() -> None:
    i18n = tool()
    entries = i18n.parse_po(PO.read_text(encoding="utf-8"))
    used = i18n.messages()
    assert len(used) > 100, "the extraction found the messages"
    missing = [f"{key[0]!r} ({places[0]})" for key, places in used.items() if not all(entries.get(key, ("",)))]
    assert not missing, "untranslated; run python scripts/i18n.py extract, translate, compile: " + ", ".join(missing)


def test_french_plurals_take_the_singular_for_zero_and_one() -> None:
    n_ = plural_translator("fr")
    peers = [n_("{count} peer", "{count} peers", n).format(count=n) for n in (0, 1, 2)]
    assert peers == ["0 pair", "1 pair", "2 pairs"]
    assert "nplurals=2; plural=(n > 1);" in PO.read_text(encoding="utf-8")


def test_english_and_unknown_languages_get_the_source_strings() -> None:
    assert translator("en")("partly covered") == "partly covered"
    assert translator("de")("partly covered") == "partly covered"
    assert translator("fr")("partly covered") == "partiellement couvert"
    assert translations("fr") is translations("fr"), "read once per language"


def test_french_elides_de_and_que_before_an_id_that_starts_with_a_vowel() -> None:
    # Reported: 'engagements de eu-tallinn-2017', 'Thèmes de au-dss-v2:1' read as unedited to a French reader.
    _ = translator("fr")
    assert _("Themes of {reference}: {themes}").format(reference="au-dss-v2:1", themes="x").startswith("Thèmes d’au-")
    assert (
        _("Themes of {reference}: {themes}")
        .format(reference="ca-digital-standards:1", themes="x")
        .startswith("Thèmes de ca-")
    )
    n_ = plural_translator("fr")
    line = n_("{count} partly covered", "{count} partly covered", 2).format(count=2)
    assert line == "2 partiellement couverts"  # no id, nothing elided
    assert translator("en")("Themes of {reference}: {themes}").format(reference="au-dss-v2:1", themes="x") == (
        "Themes of au-dss-v2:1: x"
    )
