"""Read YAML files safely and validate them, locating every problem by file, line and column."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar, get_args, get_origin

import yaml
from pydantic import BaseModel, ValidationError

from dgcompare.errors import CatalogError, Problem

ModelT = TypeVar("ModelT", bound=BaseModel)

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL_TAG = "tag:yaml.org,2002:bool"


class _Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """Safe loader where only true/false are booleans, as in YAML 1.2.

    YAML 1.1 also reads on/off/yes/no as booleans, which would turn Ontario's code ``on`` or
    Norway's ``no`` into True and False.
    """

    yaml_implicit_resolvers: ClassVar[dict[str, list[tuple[str, re.Pattern[str]]]]] = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag != _BOOL_TAG]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


_Loader.add_implicit_resolver(_BOOL_TAG, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


@dataclass(frozen=True)
class Document:
    """A parsed YAML file: its plain data and its node tree (for locating problems)."""

    path: str
    data: Any
    node: yaml.Node | None
    problems: tuple[Problem, ...] = ()
    """Problems found while parsing (repeated keys), reported together with validation's."""

    def problem_at(self, loc: Sequence[int | str], message: str, fix: str, code: str, *, key: bool = False) -> Problem:
        """A problem located at ``loc`` in this document (at the key itself when ``key``)."""
        node = locate(self.node, loc, key=key)
        mark = node.start_mark if node is not None else None
        return Problem(
            self.path,
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
            field_path(loc, self.node if self.node is not None else self.data),
            message,
            fix,
            code,
        )


def read_yaml(path: Path, display: str | None = None) -> Document:
    """Parse one YAML file safely, refusing duplicate keys.

    Args:
        path: the file to read.
        display: how to name the file in messages (defaults to ``str(path)``).

    Raises:
        CatalogError: the file cannot be read, is not UTF-8, is not YAML, or repeats a key.
    """
    name = display or str(path)

    def fail(message: str, fix: str, code: str, line: int | None = None, column: int | None = None) -> CatalogError:
        return CatalogError([Problem(name, line, column, "", message, fix, code)])

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise fail(
                f"the file is {size / 2**20:.1f} MiB; the limit is {MAX_FILE_BYTES // 2**20} MiB",
                "split it, or check that it is the right file",
                "too-large",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise fail(f"cannot read the file: {exc.strerror}", "check the path and its permissions", "unreadable") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise fail(
            "the file is not UTF-8 text", "save it as UTF-8", "encoding", raw.count(b"\n", 0, exc.start) + 1
        ) from exc
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> Document:
    """Parse YAML text safely, refusing duplicate keys, alias bombs, deep nesting and object tags.

    Args:
        text: the document.
        name: how to name it in messages.

    Raises:
        CatalogError: the text is not YAML or breaks one of those rules.
    """

    def fail(message: str, fix: str, code: str, line: int | None = None, column: int | None = None) -> CatalogError:
        return CatalogError([Problem(name, line, column, "", message, fix, code)])

    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        problems = tuple(_inspect(node, name)) if node is not None else ()
        data = loader.construct_document(node) if node is not None else None
    except CatalogError:
        raise
    except yaml.constructor.ConstructorError as exc:
        mark = exc.problem_mark
        raise fail(
            f"YAML tag refused: {exc.problem}; tags that build program objects are never run",
            "remove the tag (the part starting with '!')",
            "yaml-tag",
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = f"{exc.context + ', ' if exc.context else ''}{exc.problem or 'invalid YAML'}"
        lines = text.splitlines()
        if "while scanning a quoted scalar" in message and exc.context_mark is not None:
            # The parser stops where the file ends; the slip is the quote it opened, which is named instead.
            opened = exc.context_mark
            quote = lines[opened.line][opened.column] if opened.line < len(lines) else '"'
            raise fail(
                f"YAML syntax error: the quote {quote} opened here is never closed",
                f"end the value with {quote}, or remove the opening {quote}",
                "yaml-syntax",
                opened.line + 1,
                opened.column + 1,
            ) from exc
        if mark is not None and (colonless := _missing_colon(message, lines, mark.line, exc.context_mark)) is not None:
            line, key, fix = colonless
            raise fail(f"YAML syntax error: no colon after the key '{key}'", fix, "yaml-syntax", line + 1, 1) from exc
        raise fail(
            f"YAML syntax error: {message}",
            syntax_fix(message, lines, mark.line, mark.column) if mark else _SYNTAX_FIX,
            "yaml-syntax",
            mark.line + 1 if mark else None,
            mark.column + 1 if mark else None,
        ) from exc
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        raise fail(
            f"the file contains the control character {exc.character!r}", "remove it", "control-character", line
        ) from exc
    except yaml.YAMLError as exc:
        raise fail(f"YAML error: {exc}", "check the file's YAML syntax", "yaml-syntax") from exc
    except RecursionError as exc:
        raise fail("the document is nested too deeply", f"keep nesting under {MAX_DEPTH} levels", "too-deep") from exc
    finally:
        loader.dispose()
    return Document(name, data, node, problems)


_SYNTAX_FIX = "check indentation, colons and quotes around this spot"
_TAB_FIX = "replace the tab with spaces: YAML indents with spaces only"
_KEY = re.compile(r"(?P<indent> *)(?P<dash>-(?: +|$))?(?:(?P<key>[^\s#'\"][^:#]*?):(?: |$))?")
"""A block line: its indentation, an item's dash, and the key it starts with (each optional)."""


def syntax_fix(message: str, lines: Sequence[str], line: int, column: int) -> str:
    """The likely fix of a YAML syntax error the parser found at ``line``, ``column`` (0-based) of ``lines``.

    The parser says what it expected, not what the author did; the two slips behind most of its errors are
    an unquoted value containing ': ' and a line indented unlike its siblings, both recognisable from the
    offending line.
    """
    if line >= len(lines):
        return _SYNTAX_FIX
    text = lines[line]
    # PyYAML words a tab in the indentation two ways, depending on what follows it.
    if "tab character that violates indentation" in message or (
        "cannot start any token" in message and "\t" in text[: column + 1]
    ):
        return _TAB_FIX
    if "mapping values are not allowed" in message and re.search(r":(?: |$)", text[:column]):
        # A second ': ' on a line: YAML reads the value's colon as the start of another key.
        found = _KEY.match(text)
        key = found.group("key") if found else None
        value = text[found.end() :].strip() if found else ""
        if key and value:
            return f"the value contains ': ', which YAML reads as a new key; put it in quotes: {key}: {_quoted(value)}"
        return "put the value that contains ': ' in quotes"
    if "mapping values are not allowed" in message:
        # The first ': ' of a line indented deeper than expected: a misplaced key or item, or a value that
        # goes on over lines and contains ': '.
        align = _indentation_fix(lines, line)
        if align is None:
            return _SYNTAX_FIX
        start = _KEY.match(text)
        continued = (
            "" if start and start.group("dash") else "; or, if this line continues the value above, quote that value"
        )
        return align + continued
    if "did not find expected" in message or "expected <block end>" in message:
        return _indentation_fix(lines, line) or _SYNTAX_FIX
    return _SYNTAX_FIX


_COLONLESS = re.compile(r"(?P<start> *(?:- +)?)(?P<key>[A-Za-z_][\w-]*) +(?P<value>[^\s:#][^:#]*?) *$")
"""A block line that reads as a key and its value with the colon left out: ``- number 3``."""


def _missing_colon(
    message: str, lines: Sequence[str], line: int, context: yaml.Mark | None
) -> tuple[int, str, str] | None:
    """The line where a key lost its colon, the key and how to write it, when that is what the parser hit.

    The parser complains a line after the slip: ``- number 3`` makes the item a plain string, so the next
    line's key fails ('mapping values are not allowed'); ``title Proteger ...`` runs on into the next line
    ('while scanning a simple key', which marks where the key began).
    """
    if "while scanning a simple key" in message and context is not None:
        slip: int | None = context.line
    elif "mapping values are not allowed" in message:
        slip = next((n for n in range(line - 1, -1, -1) if _has_content(lines[n])), None)
    else:
        return None
    found = _COLONLESS.fullmatch(lines[slip]) if slip is not None and slip < len(lines) else None
    if slip is None or found is None:
        return None
    failing = _KEY.match(lines[line]) if line < len(lines) else None
    # After a colonless item, the failing key starts in its column or deeper; a line of folded text stands
    # deeper than the key after it, and is no key.
    if "mapping values" in message and (failing is None or _key_column(failing) < len(found["start"])):
        return None
    return slip, found["key"], f"write it as {found['key']}: {found['value']}"


def _indentation_fix(lines: Sequence[str], line: int) -> str | None:
    """How to align ``lines[line]`` with its siblings, or None if the lines above give no clue."""
    this = _KEY.match(lines[line])
    if this is None:
        return None
    above = [(n, found) for n in range(line - 1, -1, -1) if (found := _KEY.match(lines[n])) and _has_content(lines[n])]
    if this.group("dash"):
        column = len(this.group("indent"))
        items = [(n, m) for n, m in above if m.group("dash") and len(m.group("indent")) != column]
        # Prefer an item that starts with the same key: the list this one was meant to continue.
        same = [(n, m) for n, m in items if this.group("key") and m.group("key") == this.group("key")]
        if not (same or items):
            return None
        n, sibling = (same or items)[0]
        return (
            f"align the '-' with the one on line {n + 1} (column {len(sibling.group('indent')) + 1}), "
            "as the items of one list start in one column"
        )
    key = this.group("key")
    keys = [(n, m) for n, m in above if m.group("key")]
    if key is None or not keys:
        return None
    n, sibling = keys[0]
    column = _key_column(sibling)
    if column == _key_column(this):
        return None
    return (
        f"align '{key}:' with '{sibling.group('key')}:' on line {n + 1} (column {column + 1}), "
        "as the keys of one mapping start in one column"
    )


def _has_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _key_column(found: re.Match[str]) -> int:
    return len(found.group("indent")) + len(found.group("dash") or "")


def _quoted(value: str) -> str:
    if '"' not in value:
        return f'"{value}"'
    return "'" + value.replace("'", "''") + "'"


MAX_FILE_BYTES = 2 * 2**20
"""Catalog and crosswalk files are tens of kilobytes; anything past this is a mistake or an attack."""
MAX_DEPTH = 50
MAX_NODES = 200_000
"""Most nodes a document may have once aliases are expanded (a 'billion laughs' file has billions)."""


def _inspect(root: yaml.Node, path: str) -> Iterator[Problem]:
    """Walk the node tree once, without recursion: refuse alias bombs and deep nesting, report repeated keys.

    Raises:
        CatalogError: the document expands past :data:`MAX_NODES` or nests deeper than :data:`MAX_DEPTH`.
    """
    expanded = 0
    stack: list[tuple[yaml.Node, tuple[int | str, ...], int]] = [(root, (), 0)]
    while stack:
        node, loc, depth = stack.pop()
        expanded += 1
        if expanded > MAX_NODES:
            mark = node.start_mark
            raise CatalogError(
                [
                    Problem(
                        path,
                        mark.line + 1,
                        mark.column + 1,
                        "",
                        f"the document expands to more than {MAX_NODES:,} values (through aliases)",
                        "write the values out instead of repeating aliases ('*name')",
                        "too-many-values",
                    )
                ]
            )
        if depth > MAX_DEPTH:
            mark = node.start_mark
            raise CatalogError(
                [
                    Problem(
                        path,
                        mark.line + 1,
                        mark.column + 1,
                        field_path(loc, root),
                        f"the document is nested more than {MAX_DEPTH} levels deep",
                        "flatten the structure",
                        "too-deep",
                    )
                ]
            )
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, yaml.Node] = {}
            for key, value in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                child = (*loc, str(name))
                # PyYAML silently keeps the last of two equal keys; a catalog author never means that.
                if name is not None and name in seen:
                    yield Problem(
                        path,
                        key.start_mark.line + 1,
                        key.start_mark.column + 1,
                        field_path(child, root),
                        f"key '{name}' appears twice in this mapping (first on line {seen[name].start_mark.line + 1})",
                        "keep one of the two",
                        "duplicate-key",
                    )
                elif name is not None:
                    seen[name] = key
                stack.append((value, child, depth + 1))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*loc, index), depth + 1) for index, item in enumerate(node.value))


def validate_document(document: Document, model: type[ModelT], latest_year: int | None = None) -> ModelT:
    """Validate a parsed document against ``model``, reporting every problem with its location.

    Raises:
        CatalogError: with one problem per validation error.
    """
    if not isinstance(document.data, dict):
        # A file that is not a mapping has nothing else worth reporting.
        kind = "empty" if document.data is None else f"a {_yaml_kind(document.data)}"
        raise CatalogError(
            [
                Problem(
                    document.path,
                    1,
                    1,
                    "",
                    f"the file is {kind}; expected a mapping with the keys {', '.join(model.model_fields)}",
                    "start from the example in the README",
                    "not-a-mapping",
                )
            ]
        )
    context = {"latest_year": latest_year or datetime.date.today().year + 1}
    try:
        result = model.model_validate(document.data, context=context)
    except ValidationError as exc:
        raise CatalogError([*document.problems, *_problems_from(exc, document, model)]) from exc
    if document.problems:
        raise CatalogError(document.problems)
    return result


def _problems_from(exc: ValidationError, document: Document, model: type[BaseModel]) -> list[Problem]:
    problems = []
    errors = exc.errors(include_url=False)
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "too_short" and any(
            len(e["loc"]) > len(loc) and tuple(e["loc"][: len(loc)]) == loc for e in errors
        ):
            continue  # Pydantic counts only valid items; the invalid ones are reported already.
        message, fix = explain(error, model)
        unknown = error["type"] == "extra_forbidden"
        problems.append(document.problem_at(loc, message, fix, "unknown-key" if unknown else "schema", key=unknown))
    return problems


def locate(node: yaml.Node | None, loc: Sequence[int | str], *, key: bool = False) -> yaml.Node | None:
    """Walk ``loc`` down a YAML node tree and return the node it names, or the deepest one reached.

    Args:
        node: the document's root node.
        loc: keys and indexes, as in a Pydantic error.
        key: return the last key itself rather than its value (for an unknown key).

    A missing key leaves us at its mapping, which is where the author must add it.
    """
    current = node
    for index, part in enumerate(loc):
        last = index == len(loc) - 1
        if isinstance(current, yaml.MappingNode):
            match = next(
                ((k, v) for k, v in current.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)),
                None,
            )
            if match is None:
                return current
            current = match[0] if last and (key or not _is_scalar(match[1])) else match[1]
        elif isinstance(current, yaml.SequenceNode) and isinstance(part, int) and part < len(current.value):
            current = current.value[part]
        else:
            return current
    return current


def _is_scalar(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode)


_ITEM_NOUNS = {
    "frameworks": "framework",
    "principles": "principle",
    "mappings": "mapping",
    "themes": "theme",
    "aliases": "alias",
}
"""What one item of each list of a catalog or crosswalk file is called in a problem's location."""
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]{0,79}")


def field_path(loc: Sequence[int | str], root: Any = None) -> str:
    """Where ``loc`` is, in words a file's author finds it by: items counted from 1, and named by what they hold.

    ``('frameworks', 0, 'principles', 2, 'title')`` -> ``framework 1 (uk-dss), principle 3 (number 3), title``.
    An item of a list named in ``_ITEM_NOUNS`` is called by its noun, any other ``item N``; a framework is
    named by its id, a principle by its number and a mapping by its pair, as ``root`` (the document's node
    tree, or its data) gives them; they are left out when ``root`` lacks them or they are not what they
    should be. Line and column are the :class:`Problem`'s.
    """
    parts: list[str] = []
    current = root
    for index, part in enumerate(loc):
        current = _child(current, part)
        if not isinstance(part, int):
            parts.append(str(part))
            continue
        above = loc[index - 1] if index else None
        noun = _ITEM_NOUNS.get(above) if isinstance(above, str) else None
        if noun is None:
            parts.append(f"item {part + 1}")
            continue
        parts.pop()  # 'principles, principle 3' says the list twice
        parts.append(f"{noun} {part + 1}{_identity(noun, current)}")
    return ", ".join(parts)


def _identity(noun: str, item: Any) -> str:
    """How the item names itself, in parentheses: a framework's id, a principle's number, a mapping's pair."""
    if noun == "framework":
        found = _scalar(item, "id")
        return f" ({found})" if isinstance(found, str) and _SLUG.fullmatch(found) else ""
    if noun == "principle":
        number = _scalar(item, "number")
        return f" (number {number})" if _whole(number) else ""
    if noun == "mapping":
        source, target = _scalar(item, "source"), _scalar(item, "target")
        return f" ({source} -> {target})" if _whole(source) and _whole(target) else ""
    return ""


def _whole(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _child(container: Any, part: int | str) -> Any:
    """The value at ``part`` of a mapping or list, as plain data or as YAML nodes; None if there is none."""
    if isinstance(container, yaml.MappingNode):
        return next((v for k, v in container.value if isinstance(k, yaml.ScalarNode) and k.value == str(part)), None)
    if isinstance(container, yaml.SequenceNode):
        return container.value[part] if isinstance(part, int) and 0 <= part < len(container.value) else None
    if isinstance(container, dict):
        return container.get(part)
    if isinstance(container, list | tuple):
        return container[part] if isinstance(part, int) and 0 <= part < len(container) else None
    return None


def _scalar(item: Any, key: str) -> Any:
    """The plain value under ``key`` of a mapping (whole numbers and text only, when the mapping is a node)."""
    value = _child(item, key)
    if not isinstance(value, yaml.ScalarNode):
        return value
    if value.tag.endswith(":int"):
        try:
            return int(value.value)
        except ValueError:
            return None
    return value.value if value.tag.endswith(":str") else None


def _yaml_kind(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    if isinstance(value, str):
        return "text value"
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, int | float):
        return "number"
    return type(value).__name__


def _model_at(model: type[BaseModel], loc: Sequence[int | str]) -> type[BaseModel] | None:
    """The model class that owns the last key of ``loc``."""
    current: type[BaseModel] | None = model
    for part in loc[:-1]:
        if isinstance(part, int) or current is None:
            continue
        info = current.model_fields.get(part)
        current = _inner_model(info.annotation) if info else None
    return current


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found:
            return found
    return None


def explain(error: Any, model: type[BaseModel]) -> tuple[str, str]:
    """A plain-English message and fix for one Pydantic error."""
    kind = error["type"]
    loc = tuple(error["loc"])
    key = str(loc[-1]) if loc else ""
    value = error.get("input")
    shown = _show(value)
    owner = _model_at(model, loc)
    allowed = sorted(owner.model_fields) if owner else []
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"required key '{key}' is missing", f"add '{key}: ...' here"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else f"allowed keys are: {', '.join(allowed)}"
        return f"unknown key '{key}'", hint
    if kind in ("int_type", "int_parsing", "int_from_float") and "mappings" in loc and key in ("source", "target"):
        return (
            f"expected the number of a principle of the header's {key} framework, got {shown}",
            "write the number alone, e.g. 3: a mapping names principles of the frameworks in its header by number",
        )
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"expected a whole number, got {shown}", "write a whole number without quotes, e.g. 2018"
    if kind == "bool_type":
        return f"expected true or false, got {shown}", "write true or false"
    if kind == "string_type":
        return f"expected text, got {shown}", "put the value in quotes"
    if kind == "string_too_short":
        return "must not be empty", "write the value, or remove the key if it is optional"
    if kind == "string_too_long":
        return (
            f"is too long: {len(str(value))} characters, the limit is {ctx.get('max_length')}",
            "shorten it",
        )
    if kind == "string_pattern_mismatch" and {"language", "official_translations", "titles", "summaries"} & set(
        map(str, loc)
    ):
        return f"{shown} is not a language code", "write its ISO 639-1 code in lower case, e.g. 'de', 'fr' or 'nb'"
    if kind == "string_pattern_mismatch":
        return (
            f"{shown} is not a valid code or id",
            "use lowercase letters, digits and single hyphens, e.g. 'on' or 'on-dss'",
        )
    if kind in ("too_short", "too_long"):
        limit = ctx.get("min_length") if kind == "too_short" else ctx.get("max_length")
        word = "at least" if kind == "too_short" else "at most"
        return f"expected a list of {word} {limit} item{'s' * (limit != 1)}", "check the list's entries"
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = ctx.get("ge", ctx.get("le"))
        fix = f"use a number from {bound}" if kind == "greater_than_equal" else f"use a number up to {bound}"
        return f"{shown} is out of range ({error['msg'].lower()})", fix
    if kind == "literal_error":
        return f"{shown} is not allowed here; expected {ctx.get('expected')}", _literal_fix(value, owner, key)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return (
            f"expected a mapping of keys to values, got {shown}",
            "write 'key: value' lines indented under this key",
        )
    if kind in ("tuple_type", "list_type"):
        return f"expected a list, got {shown}", "write one item per line, each starting with '- '"
    if kind == "value_error":
        message = str(ctx.get("error") or error["msg"])
        return message, _value_fix(key, message)
    return error["msg"], ""


_RELATIONSHIP_WORDS = {
    "overlaps": "intersects",
    "overlap": "intersects",
    "partial": "intersects",
    "related": "intersects",
    "same": "equal",
    "equivalent": "equal",
    "identical": "equal",
    "broader": "superset",
    "narrower": "subset",
    "unrelated": "not_related",
    "none": "not_related",
}
"""Words people write for a crosswalk relationship, and the NIST IR 8477 term each means."""


def _literal_fix(value: Any, owner: type[BaseModel] | None, key: str) -> str:
    """'did you mean' the allowed value closest to ``value``, when one is close."""
    info = owner.model_fields.get(key) if owner else None
    choices = [str(c) for c in _literal_values(info.annotation if info else None)]
    # Spelling slips first ('Service Standard', 'service_standard'), then typos.
    folded = re.sub(r"[\s_]+", "-", str(value).strip().lower())
    close = [folded] if folded in choices else difflib.get_close_matches(folded, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    if key == "relationship" and folded in _RELATIONSHIP_WORDS:
        return f"did you mean '{_RELATIONSHIP_WORDS[folded]}'?"
    if key == "kind":
        return "use the listed kind that fits best; the README's file-format section says what each means"
    return "use one of the listed values"


def _literal_values(annotation: Any) -> tuple[Any, ...]:
    """The values of the ``Literal`` in ``annotation`` (through ``X | None``), or none."""
    if get_origin(annotation) is Literal:
        return get_args(annotation)
    return next((found for arg in get_args(annotation) if (found := _literal_values(arg))), ())


def _value_fix(key: str, message: str) -> str:
    if key in ("adopted", "year", "first_published"):
        return "write the four-digit year the text was adopted or published"
    if key in ("url", "url_fr", "source", "reference"):
        return "write the full address, starting with https://"
    if "not_related with strength" in message:
        return "write strength: 0, or the relationship that the strength measures"
    if "control character" in message:
        return "remove the character (it could change what a terminal or spreadsheet shows)"
    return "correct the value"


def _show(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def dump_yaml(data: Any) -> str:
    """Plain-data YAML in block style, keys in the order given, Unicode kept readable."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=110, default_flow_style=False)


def append_to_sequence(text: str, node: yaml.Node | None, key: str, items: Sequence[Any]) -> str | None:
    """``text`` with ``items`` added at the end of the list under its top-level ``key``, all else left as written.

    Comments, quoting, key order and blank lines stay as they were: PyYAML drops every comment of a document it
    writes, so a file a person has annotated is extended rather than written afresh. ``node`` is ``text``'s
    node tree (:attr:`Document.node`). A missing key or an empty ``[]`` becomes a block list; None when the
    list is written in flow style with items (``[a, b]``) or ``key`` holds something else: the caller must
    then write the whole document.
    """
    if not items:
        return text
    if not isinstance(node, yaml.MappingNode):
        return None
    newline = "\r\n" if "\r\n" in text else "\n"

    def block(column: int) -> str:
        lines = dump_yaml(list(items)).splitlines()
        return "".join(" " * column + line + newline for line in lines)

    value = next((v for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == key), None)
    if value is None:
        return _ended(text, newline) + f"{key}:{newline}" + block(0)
    if not isinstance(value, yaml.SequenceNode):
        return None
    if value.flow_style is True:
        if value.value:
            return None
        # 'key: []': the brackets give way to a block list; a comment after them stays, on a line of its own.
        start, end = value.start_mark.index, value.end_mark.index
        return text[:start].rstrip(" ") + newline + block(2) + text[end:].lstrip(" ")
    # A block list ends where the next top-level key starts, or at the end of the file. The new items go after
    # its last item and the comments indented as its items; blank lines and comments further left introduce
    # what follows.
    column = value.start_mark.column
    lines = text[: value.end_mark.index].splitlines(keepends=True)
    while lines and (not lines[-1].strip() or _comment_left_of(lines[-1], column)):
        lines.pop()
    end = sum(map(len, lines))
    return _ended(text[:end], newline) + block(column) + text[end:]


def _comment_left_of(line: str, column: int) -> bool:
    stripped = line.lstrip(" ")
    return stripped.startswith("#") and len(line) - len(stripped) < column


def _ended(text: str, newline: str) -> str:
    return text if not text or text.endswith("\n") else text + newline
