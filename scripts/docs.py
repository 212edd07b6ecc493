"""Build the API reference from the docstrings with pdoc, and fail on a docstring that is missing or broken.

    python scripts/docs.py            # into build/docs; open build/docs/index.html
    python scripts/docs.py DIRECTORY  # into DIRECTORY (CI builds into a temporary one)

Every module of the package is documented but the command line (``dgcompare.cli``, ``dgcompare.__main__``),
which ``dgcompare --help`` and the README document. The build fails, listing every problem, when pdoc warns or
cannot read a docstring, when a public module, class, function or method has no docstring, or when a
docstring's ``Args:`` names a parameter the signature does not have, or leaves one out that it has.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pdoc
import pdoc.doc
import pdoc.render

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "dgcompare"
LEFT_OUT = ("dgcompare.cli", "dgcompare.__main__")
"""The command line: documented by its --help and the README, not here."""


def module_names() -> list[str]:
    """The modules to name to pdoc: every one but the command line, in a stable order.

    pdoc adds the modules of a package that has no ``__all__`` by itself, and warns when one is named again.
    """
    package = importlib.import_module(PACKAGE)
    names = [PACKAGE]
    for found in pkgutil.walk_packages(package.__path__, f"{PACKAGE}."):
        parent = found.name.rpartition(".")[0]
        if found.name.startswith(LEFT_OUT):
            continue
        if parent == PACKAGE or hasattr(importlib.import_module(parent), "__all__"):
            names.append(found.name)
    return sorted(names)


def problems_of(module: pdoc.doc.Module) -> Iterator[str]:
    """What is missing or wrong in the docstrings of ``module``'s own public objects."""
    if not module.docstring.strip():
        yield f"{module.fullname}: the module has no docstring"
    for member in _own_members(module):
        if not member.docstring.strip():
            yield f"{member.fullname}: no docstring"
        if isinstance(member, pdoc.doc.Function):
            yield from _argument_problems(member)


def _own_members(namespace: pdoc.doc.Namespace[Any]) -> Iterator[pdoc.doc.Doc[Any]]:
    """The public classes, functions and methods defined in ``namespace`` itself (not imported, not inherited)."""
    for member in namespace.own_members:
        if member.name.startswith("_") or member.modulename != namespace.modulename:
            continue
        if isinstance(member, pdoc.doc.Class):
            yield member
            yield from _own_members(member)
        elif isinstance(member, pdoc.doc.Function) and not _is_inherited_override(member):
            yield member


def _is_inherited_override(function: pdoc.doc.Function) -> bool:
    # Pydantic's own hooks and dunder-like names are Pydantic's to document.
    return function.name.startswith("model_") or function.name in ("__pydantic_init_subclass__",)


ARGS = re.compile(r"^Args:\n((?:[ \t]+.*\n?|\n)+)", re.M)
ENTRY = re.compile(r"^(\s+)\*{0,2}(\w+)(?: \([^)]*\))?:")


def _argument_problems(function: pdoc.doc.Function) -> Iterator[str]:
    """An ``Args:`` section that names a parameter the function lacks, or leaves out one it has."""
    section = ARGS.search(inspect.cleandoc(function.docstring) + "\n")
    if section is None:
        return
    lines = section[1].splitlines()
    first = next((ENTRY.match(line) for line in lines if ENTRY.match(line)), None)
    if first is None:
        yield f"{function.fullname}: its Args section names no parameter"
        return
    indent = first[1]
    named = [m[2] for line in lines if (m := ENTRY.match(line)) and m[1] == indent]
    parameters = [p for p in function.signature.parameters if p not in ("self", "cls")]
    for name in named:
        if name not in parameters:
            yield f"{function.fullname}: Args names '{name}', which is no parameter of it"
    for name in parameters:
        if name not in named:
            yield f"{function.fullname}: Args leaves out the parameter '{name}'"


def build(output: Path) -> list[str]:
    """Write the reference into ``output``; return every problem found (none: the build is good)."""
    import dgcompare

    # The top level imports its names on first use; pdoc reads the module's namespace, so they are looked up first.
    for name in dgcompare.__all__:
        getattr(dgcompare, name)
    pdoc.render.configure(docformat="google", footer_text=f"dgcompare {dgcompare.__version__}")
    names = module_names()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            pdoc.pdoc(*names, output_directory=output)
        except RuntimeError as error:  # pdoc could not process a docstring
            return [f"pdoc: {error}"]
    found = [f"pdoc: {w.message}" for w in caught if f"{Path('pdoc')}" in w.filename or "dgcompare" in w.filename]
    for name in sorted({*names, *(m.modulename for m in _documented(names))}):
        found.extend(problems_of(pdoc.doc.Module.from_name(name)))
    return found


def _documented(names: list[str]) -> Iterator[pdoc.doc.Module]:
    """The modules pdoc documents besides those named: the modules of packages without ``__all__``."""
    for name in names:
        yield from pdoc.doc.Module.from_name(name).submodules


def main(argv: list[str]) -> int:
    """Build into ``argv[1]`` (default ``build/docs``); print the problems and return 1 when there are any."""
    output = Path(argv[1]) if len(argv) > 1 else ROOT / "build" / "docs"
    problems = build(output)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} docstring problem(s); the reference in {output} is incomplete", file=sys.stderr)
        return 1
    print(f"API reference written to {output / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
