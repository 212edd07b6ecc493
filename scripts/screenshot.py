"""Photograph an HTML report in headless Chromium, as the browser test sees it (the README's screenshots).

    python scripts/screenshot.py REPORT.html OUT.png [--width 1200] [--height 900] [--viewport]

The whole page by default; ``--viewport`` keeps only the first screen (``--width`` by ``--height`` CSS
pixels). Uses the browser test's own helper (tests/browser.py): standard library and a Chromium, nothing else.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser import Browser, BrowserError  # noqa: E402 (the repository is on the path only now)


def main(argv: list[str] | None = None) -> int:
    """Write the PNG; 1 with a message when the page cannot be photographed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="the HTML (or SVG) file to photograph")
    parser.add_argument("output", type=Path, help="the PNG to write")
    parser.add_argument("--width", type=int, default=1200, help="viewport width in CSS pixels (default 1200)")
    parser.add_argument("--height", type=int, default=900, help="viewport height in CSS pixels (default 900)")
    parser.add_argument("--viewport", action="store_true", help="only the first screen, not the whole page")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        parser.error(f"{args.report} is not a file")
    try:
        with Browser.start() as browser:
            page = browser.open(args.report, width=args.width, height=args.height)
            if page.errors:
                print(f"{args.report}: the page reported errors: {page.errors}", file=sys.stderr)
                return 1
            png = page.screenshot(full_page=not args.viewport)
    except BrowserError as error:
        print(f"screenshot: {error}", file=sys.stderr)
        return 1
    args.output.write_bytes(png)
    print(f"wrote {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
