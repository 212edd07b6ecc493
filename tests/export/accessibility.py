"""An offline accessibility and self-containment check of HTML documents, with the standard library's parser.

It checks what can be read from the markup alone, for WCAG 2.2 AA and for a document that loads nothing:

- the page says its language (``<html lang>``) and has a non-empty ``<title>``;
- one ``<h1>``, and heading levels never skip on the way down (h2 then h4);
- every table has a non-empty ``<caption>`` first, and every ``<th>`` a ``scope``;
- every ``<img>`` has ``alt``; every ``<svg>`` a ``<title>`` or an ``aria-label``/``aria-labelledby``;
- every ``<a>`` has an ``href`` and text (or an ``aria-label``); ids are unique and ``aria-labelledby`` finds them;
- nothing is loaded: no ``src=``, no ``<link href>``, no ``<script>``, ``<iframe>``, ``<object>`` or ``<embed>``,
  no ``@import`` or ``url(`` in a stylesheet or a style attribute. Hyperlinks (``<a href>``) are fine.

What markup cannot show (the contrast of rendered colours, a page that prints) is the browser test's.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

SCOPES = frozenset({"col", "row", "colgroup", "rowgroup"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})
LOADS = frozenset({"script", "iframe", "object", "embed", "frame", "audio", "video", "source", "track"})
HEADING = re.compile(r"h([1-6])\Z")
LOADING_CSS = re.compile(r"@import|url\s*\(", re.I)


@dataclass
class _Open:
    tag: str
    attrs: dict[str, str]
    text: list[str] = field(default_factory=list)
    children: list[str] = field(default_factory=list)


class Document(HTMLParser):
    """An HTML document read once: its structure, its text and every problem found in it."""

    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.lang = ""
        self.title = ""
        self.headings: list[tuple[int, str]] = []
        self.links: list[tuple[str, str]] = []
        """Every hyperlink: (href, text)."""
        self.captions: list[str] = []
        self.ids: list[str] = []
        self.labelled_by: list[str] = []
        self.text_parts: list[str] = []
        self._stack: list[_Open] = []
        self.feed(page)
        self.close()
        self._finish()

    @property
    def text(self) -> str:
        """The document's text, as a reader sees it (the stylesheet left out)."""
        return "".join(self.text_parts)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if self._stack:
            self._stack[-1].children.append(tag)
        self._check_start(tag, values)
        if tag not in VOID:
            self._stack.append(_Open(tag, values))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if self._stack:
            self._stack[-1].children.append(tag)
        self._check_start(tag, values)
        if tag not in VOID:
            self._close(_Open(tag, values))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self._stack or self._stack[-1].tag != tag:
            self.problems.append(f"</{tag}> closes <{self._stack[-1].tag if self._stack else None}>")
            return
        self._close(self._stack.pop())

    def handle_data(self, data: str) -> None:
        for element in self._stack:
            element.text.append(data)
        if not any(e.tag in ("style", "title") for e in self._stack):
            self.text_parts.append(data)
        if any(e.tag == "style" for e in self._stack) and LOADING_CSS.search(data):
            self.problems.append("the stylesheet loads something (@import or url())")

    def _check_start(self, tag: str, attrs: dict[str, str]) -> None:
        if tag == "html":
            self.lang = attrs.get("lang", "")
        if "id" in attrs:
            self.ids.append(attrs["id"])
        if "aria-labelledby" in attrs:
            self.labelled_by.extend(attrs["aria-labelledby"].split())
        if "src" in attrs or "srcset" in attrs:
            self.problems.append(f"<{tag}> loads {attrs.get('src') or attrs.get('srcset')}")
        if tag == "link":
            self.problems.append(f"<link> loads {attrs.get('href', '')}")
        if tag in LOADS:
            self.problems.append(f"<{tag}> runs or loads something")
        if LOADING_CSS.search(attrs.get("style", "")):
            self.problems.append(f"<{tag} style> loads something")
        if tag == "th" and attrs.get("scope") not in SCOPES:
            self.problems.append(f"<th> without a scope: {attrs}")
        if tag == "img" and "alt" not in attrs:
            self.problems.append("<img> without alt")
        if tag == "table" and self._stack and self._stack[-1].tag == "table":
            self.problems.append("a table directly inside a table")

    def _close(self, element: _Open) -> None:
        text = " ".join("".join(element.text).split())
        tag, attrs = element.tag, element.attrs
        if tag == "title" and not any(e.tag == "svg" for e in self._stack):
            self.title = text
        if heading := HEADING.match(tag):
            self.headings.append((int(heading[1]), text))
            if not text:
                self.problems.append(f"empty <{tag}>")
        if tag == "caption":
            self.captions.append(text)
        if tag == "table" and element.children[:1] != ["caption"]:
            self.problems.append("a table without a caption first")
        if tag == "caption" and not text:
            self.problems.append("an empty <caption>")
        if tag == "a":
            if not attrs.get("href"):
                self.problems.append(f"<a> without href: {text!r}")
            if not text and not attrs.get("aria-label"):
                self.problems.append(f"<a href={attrs.get('href')!r}> without text")
            self.links.append((attrs.get("href", ""), text))
        if (
            tag == "svg"
            and "title" not in element.children
            and not (attrs.get("aria-label") or attrs.get("aria-labelledby"))
        ):
            self.problems.append("<svg> without <title> or aria-label")

    def _finish(self) -> None:
        if self._stack:
            self.problems.append(f"unclosed elements: {[e.tag for e in self._stack]}")
        if not self.lang:
            self.problems.append("<html> has no lang")
        if not self.title:
            self.problems.append("no <title>, or an empty one")
        levels = [level for level, _ in self.headings]
        if levels.count(1) != 1:
            self.problems.append(f"{levels.count(1)} <h1> elements; a document has one")
        if levels and levels[0] != 1:
            self.problems.append(f"the first heading is h{levels[0]}, not h1")
        for before, after in itertools.pairwise(levels):
            if after > before + 1:
                self.problems.append(f"heading levels skip from h{before} to h{after}")
        repeated = sorted({i for i in self.ids if self.ids.count(i) > 1})
        if repeated:
            self.problems.append(f"ids used more than once: {repeated}")
        missing = sorted(set(self.labelled_by) - set(self.ids))
        if missing:
            self.problems.append(f"aria-labelledby names no element: {missing}")


def problems(page: str) -> list[str]:
    """Every accessibility or self-containment problem found in ``page``; none is the aim."""
    return Document(page).problems


SVG = "{http://www.w3.org/2000/svg}"
GENERIC_FONTS = ("serif", "sans-serif", "monospace", "system-ui")


def svg_problems(image: str) -> list[str]:
    """Every accessibility or self-containment problem of a standalone SVG image."""
    import xml.etree.ElementTree as ET

    found: list[str] = []
    root = ET.fromstring(image)  # raises on markup that is not well-formed
    if root.tag != f"{SVG}svg":
        return [f"the root is {root.tag}, not an svg"]
    if root.get("role") != "img":
        found.append('the image is not role="img"')
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    if title is None or not (title.text or "").strip():
        found.append("no <title> first in the image")
    if desc is None or not (desc.text or "").strip():
        found.append("no <desc> in the image")
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    labelled = (root.get("aria-labelledby") or "").split()
    if not labelled or not set(labelled) <= ids:
        found.append(f"aria-labelledby {labelled} does not name the title and description")
    if not (root.get("lang") or "").strip():
        found.append("the image says no language")
    font = root.get("font-family") or ""
    if not font.rstrip().endswith(GENERIC_FONTS):
        found.append(f"font-family {font!r} does not end with a generic family")
    for element in root.iter():
        for name, value in element.attrib.items():
            if name.endswith("href") or name in ("src",) or LOADING_CSS.search(value):
                found.append(f"<{element.tag.removeprefix(SVG)} {name}={value!r}> loads or links something")
        if element.tag in (f"{SVG}image", f"{SVG}script", f"{SVG}foreignObject", f"{SVG}use"):
            found.append(f"<{element.tag.removeprefix(SVG)}> in the image")
        if element.tag == f"{SVG}style" and LOADING_CSS.search(element.text or ""):
            found.append("the image's stylesheet loads something")
    return found
