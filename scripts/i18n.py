"""Keep the message catalogs in step with the code: extract the messages, compile each ``.po`` to its ``.mo``.

    python scripts/i18n.py extract   # add the code's new messages to every .po, untranslated, and list them
    python scripts/i18n.py compile   # write each .mo from its .po (what msgfmt does)

A message is the literal first argument of ``_("...")``, or the first two of ``n_("...", "...", n)``, in the
code or in a template (``templates/*.j2``, read with Jinja2's own parser, a dependency of dgcompare's); the
tests use :func:`messages` and :func:`compile_po` to check that every message is translated and every ``.mo``
is current. Nothing else needs installing.
"""

from __future__ import annotations

import ast
import struct
import sys
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "dgcompare"
LOCALE = SOURCE / "locale"
Message = tuple[str, ...]
"""A singular message, or a singular and its plural."""


def messages(source: Path = SOURCE) -> dict[Message, list[str]]:
    """Every message of the code under ``source``, with where it is used (``file:line``)."""
    found: dict[Message, list[str]] = {}
    for path in sorted(source.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                continue
            wanted = {"_": 1, "n_": 2}.get(node.func.id)
            if wanted is None:
                continue
            args = node.args[:wanted]
            if len(args) != wanted or not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in args):
                raise SystemExit(f"{path}:{node.lineno}: {node.func.id}() needs literal strings, not expressions")
            key = tuple(a.value for a in args if isinstance(a, ast.Constant))
            found.setdefault(key, []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    for path, line, key in template_messages(source):
        found.setdefault(key, []).append(f"{path.relative_to(ROOT)}:{line}")
    return found


def template_messages(source: Path = SOURCE) -> list[tuple[Path, int, Message]]:
    """The messages of the Jinja2 templates under ``source`` (``{{ _("...") }}``, ``{{ n_("...", "...", n) }}``)."""
    import jinja2
    import jinja2.ext

    found = []
    environment = jinja2.Environment()
    for path in sorted(source.rglob("*.j2")):
        tree = environment.parse(path.read_text(encoding="utf-8"))
        for line, function, message in jinja2.ext.extract_from_ast(tree, gettext_functions=("_", "n_")):
            wanted = {"_": 1, "n_": 2}[function]
            strings = (message,) if isinstance(message, str) or message is None else tuple(message)[:wanted]
            if len(strings) != wanted or not all(isinstance(s, str) for s in strings):
                raise SystemExit(f"{path}:{line}: {function}() needs literal strings, not expressions")
            found.append((path, line, tuple(str(s) for s in strings)))
    return found


def parse_po(text: str) -> dict[Message, tuple[str, ...]]:
    """The entries of a ``.po`` file: message (with its plural) -> translations; fuzzy entries left out."""
    entries: dict[Message, tuple[str, ...]] = {}
    fields: dict[str, str] = {}
    last = ""
    fuzzy = False

    def close() -> None:
        nonlocal fields, fuzzy
        if "msgid" in fields and not fuzzy:
            key = (fields["msgid"], fields["msgid_plural"]) if "msgid_plural" in fields else (fields["msgid"],)
            strs = [v for k, v in sorted(fields.items()) if k.startswith("msgstr")]
            entries[key] = tuple(strs)
        fields, fuzzy = {}, False

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if "msgid" in fields and "msgstr" in "".join(fields):
                close()
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
            continue
        if line.startswith('"'):
            fields[last] += ast.literal_eval(line)
            continue
        keyword, _, value = line.partition(" ")
        if keyword == "msgid" and "msgid" in fields:
            close()
        if not value.startswith('"'):
            raise ValueError(f"line {number}: cannot read {raw!r}")
        last = keyword
        fields[keyword] = ast.literal_eval(value)
    close()
    return entries


def compile_po(text: str) -> bytes:
    """A ``.mo`` file from ``.po`` text, as GNU msgfmt writes it; untranslated messages are left out."""
    catalog: dict[bytes, bytes] = {}
    for key, strs in parse_po(text).items():
        if not all(strs):
            continue
        catalog["\0".join(key).encode()] = "\0".join(strs).encode()
    keys = sorted(catalog)
    ids = strs = b""
    offsets = []
    for k in keys:
        offsets.append((len(ids), len(k), len(strs), len(catalog[k])))
        ids += k + b"\0"
        strs += catalog[k] + b"\0"
    key_start = 7 * 4 + 16 * len(keys)
    value_start = key_start + len(ids)
    key_offsets: list[int] = []
    value_offsets: list[int] = []
    for id_offset, id_length, str_offset, str_length in offsets:
        key_offsets += [id_length, id_offset + key_start]
        value_offsets += [str_length, str_offset + value_start]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    return header + array("i", key_offsets).tobytes() + array("i", value_offsets).tobytes() + ids + strs


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def extract() -> None:
    """Append the code's messages missing from each ``.po``, untranslated, and list every untranslated one."""
    used = messages()
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        text = po.read_text(encoding="utf-8")
        known = parse_po(text)
        added = []
        for key, places in used.items():
            if key in known:
                continue
            lines = [f"#: {place}" for place in places]
            lines.append(f"msgid {_quoted(key[0])}")
            if len(key) == 2:
                lines += [f"msgid_plural {_quoted(key[1])}", 'msgstr[0] ""', 'msgstr[1] ""']
            else:
                lines.append('msgstr ""')
            added.append("\n".join(lines))
        if added:
            po.write_text(text.rstrip("\n") + "\n\n" + "\n\n".join(added) + "\n", encoding="utf-8")
        missing = [k for k, v in parse_po(po.read_text(encoding="utf-8")).items() if k[0] and not all(v)]
        print(f"{po.relative_to(ROOT)}: {len(added)} added, {len(missing)} untranslated")


def compile_all() -> None:
    """Write each ``.mo`` beside its ``.po``."""
    for po in sorted(LOCALE.glob("*/LC_MESSAGES/*.po")):
        po.with_suffix(".mo").write_bytes(compile_po(po.read_text(encoding="utf-8")))
        print(f"wrote {po.with_suffix('.mo').relative_to(ROOT)}")


if __name__ == "__main__":
    match sys.argv[1:]:
        case ["extract"]:
            extract()
        case ["compile"]:
            compile_all()
        case _:
            raise SystemExit(__doc__)
