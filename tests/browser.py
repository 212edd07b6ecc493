"""Headless Chromium driven over the DevTools protocol, standard library only.

The browser is started with ``--remote-debugging-pipe``: it reads commands from its file descriptor 3 and writes
answers and events to its descriptor 4, each message JSON ended by a NUL byte. No port is opened, no package is
needed, and the browser is always killed on leaving, whatever happened.

    with Browser.start() as browser:
        page = browser.open(Path("report.html"), width=1200)
        pdf, png = page.pdf(), page.screenshot()
        assert not page.errors and page.requests == [page.url]
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

EXECUTABLES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
"""What Chromium is called: Debian's package, Ubuntu's older one, Google's build."""
TIMEOUT = 60.0
"""Seconds any one answer may take before the browser counts as hung; a guard, not a measure."""
A4 = (8.27, 11.69)
LETTER = (8.5, 11.0)
"""Paper sizes in inches, as Page.printToPDF takes them."""


TRAMPOLINE = """
import os, sys
reads, writes = int(sys.argv[1]), int(sys.argv[2])
os.dup2(reads, 3)
os.dup2(writes, 4)
os.close(reads)
os.close(writes)
os.execv(sys.argv[3], sys.argv[3:])
"""
"""Run in the child: the pipe ends to fds 3 and 4, then the browser in this process's place."""


class BrowserError(RuntimeError):
    """The browser did not start, answered with an error, or took longer than :data:`TIMEOUT`."""


def find_browser() -> str | None:
    """The path of a Chromium on this machine, or None."""
    for name in EXECUTABLES:
        found = shutil.which(name)
        if found:
            return found
    return None


def _above_4(fd: int) -> int:
    """``fd`` moved to a descriptor number of 5 or more (the original closed)."""
    moved = fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 5)
    os.close(fd)
    return moved


def page_count(pdf: bytes) -> int:
    """How many pages a PDF has: its ``/Type /Page`` objects (the ``/Pages`` tree nodes are not counted)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


@dataclass
class Page:
    """One tab, attached in flat mode: what it loaded, what went wrong in it, and how to print it."""

    browser: Browser
    session: str
    url: str
    requests: list[str] = field(default_factory=list)
    """Every URL the page asked for, the document's own included, in order."""
    errors: list[str] = field(default_factory=list)
    """Console errors, uncaught exceptions and browser log entries of level error."""

    def send(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Run a DevTools command in this page and return its result."""
        return self.browser.send(method, params, session=self.session)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (JSON-serialisable values only)."""
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise BrowserError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def pdf(self, paper: tuple[float, float] = A4, *, css_page_size: bool = True) -> bytes:
        """The page printed to PDF on ``paper``, or on the CSS ``@page`` size when ``css_page_size``."""
        result = self.send(
            "Page.printToPDF",
            {
                "paperWidth": paper[0],
                "paperHeight": paper[1],
                "printBackground": True,
                "preferCSSPageSize": css_page_size,
            },
        )
        return base64.b64decode(result["data"])

    def screenshot(self, *, full_page: bool = True) -> bytes:
        """A PNG of the page: the whole of it when ``full_page``, else the viewport."""
        params: dict[str, Any] = {"format": "png"}
        if full_page:
            params["captureBeyondViewport"] = True
            size = self.send("Page.getLayoutMetrics")["cssContentSize"]
            params["clip"] = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
        return base64.b64decode(self.send("Page.captureScreenshot", params)["data"])

    def record(self, event: dict[str, Any]) -> None:
        """Note what an event of this page says about requests and errors."""
        method, params = event["method"], event.get("params", {})
        if method == "Network.requestWillBeSent":
            self.requests.append(params["request"]["url"])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            self.errors.append(
                "console: " + " ".join(str(a.get("value", a.get("description"))) for a in params["args"])
            )
        elif method == "Runtime.exceptionThrown":
            details = params["exceptionDetails"]
            self.errors.append("exception: " + details.get("exception", {}).get("description", details.get("text", "")))
        elif method == "Log.entryAdded" and params["entry"].get("level") == "error":
            entry = params["entry"]
            self.errors.append(f"log ({entry.get('source')}): {entry.get('text')} {entry.get('url', '')}".strip())


class Browser:
    """A headless Chromium process and its DevTools pipe; use :meth:`start` in a ``with`` block."""

    def __init__(self, process: subprocess.Popen[bytes], commands: int, answers: int, profile: Path) -> None:
        self.process = process
        self._commands, self._answers = commands, answers
        self._profile = profile
        self._buffer = b""
        self._next_id = 0
        self._pages: dict[str, Page] = {}
        self._events: list[dict[str, Any]] = []

    @classmethod
    def start(cls, executable: str | None = None) -> Browser:
        """Start headless Chromium (the first of :data:`EXECUTABLES` found, unless given)."""
        executable = executable or find_browser()
        if executable is None:
            raise BrowserError("no Chromium found: install chromium (" + ", ".join(EXECUTABLES) + ")")
        profile = Path(tempfile.mkdtemp(prefix="dgcompare-browser-"))
        # The browser reads commands from fd 3 and writes to fd 4. Popen passes the pipe ends on as they are
        # numbered here, and a small trampoline puts them at 3 and 4, then becomes the browser; the ends are first
        # moved above 4, so that putting one at 3 never overwrites the other.
        to_browser_read, to_browser = os.pipe()
        from_browser, from_browser_write = os.pipe()
        to_browser_read, from_browser_write = (_above_4(fd) for fd in (to_browser_read, from_browser_write))
        arguments = [
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--remote-debugging-pipe",
            f"--user-data-dir={profile}",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--hide-scrollbars",
            "--mute-audio",
            "about:blank",
        ]
        try:
            ends = (str(to_browser_read), str(from_browser_write))
            process = subprocess.Popen(
                [sys.executable, "-c", TRAMPOLINE, *ends, executable, *arguments],
                pass_fds=(to_browser_read, from_browser_write),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,  # its own process group, so that every helper process is killed with it
            )
        except OSError as error:
            for fd in (to_browser_read, to_browser, from_browser, from_browser_write):
                os.close(fd)
            shutil.rmtree(profile, ignore_errors=True)
            raise BrowserError(f"cannot start {executable}: {error}") from error
        os.close(to_browser_read)
        os.close(from_browser_write)
        return cls(process, to_browser, from_browser, profile)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def close(self) -> None:
        """Ask the browser to quit, then kill its process group whatever it did; remove its profile."""
        with contextlib.suppress(BrowserError, OSError):
            if self.process.poll() is None:
                self.send("Browser.close", timeout=5)
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)  # the group this class started, and only it
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=5)
        for fd in (self._commands, self._answers):
            with contextlib.suppress(OSError):
                os.close(fd)
        shutil.rmtree(self._profile, ignore_errors=True)

    def send(
        self, method: str, params: dict[str, Any] | None = None, *, session: str | None = None, timeout: float = TIMEOUT
    ) -> dict[str, Any]:
        """Send a command and wait for its answer; events that arrive meanwhile go to their page."""
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        data = json.dumps(message).encode() + b"\0"
        while data:
            data = data[os.write(self._commands, data) :]
        deadline = time.monotonic() + timeout
        while True:
            answer = self._receive(deadline, method)
            if answer.get("id") == message["id"]:
                if "error" in answer:
                    raise BrowserError(f"{method}: {answer['error'].get('message')}")
                result: dict[str, Any] = answer.get("result", {})
                return result
            self._dispatch(answer)

    def wait_for(self, page: Page, event: str, timeout: float = TIMEOUT) -> dict[str, Any]:
        """Wait until ``page`` fires ``event`` (one already received counts) and return its parameters."""
        deadline = time.monotonic() + timeout
        while True:
            for position, seen in enumerate(self._events):
                if seen["method"] == event and seen.get("sessionId") == page.session:
                    del self._events[position]
                    params: dict[str, Any] = seen.get("params", {})
                    return params
            self._dispatch(self._receive(deadline, event))

    def open(self, target: Path | str, *, width: int = 1200, height: int = 900) -> Page:
        """Open a file (or URL) in a new tab of ``width`` by ``height`` CSS pixels and wait until it has loaded."""
        url = target.resolve().as_uri() if isinstance(target, Path) else target
        target_id = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target_id, "flatten": True})["sessionId"]
        page = self._pages[session] = Page(self, session, url)
        for domain in ("Page", "Network", "Runtime", "Log"):
            page.send(f"{domain}.enable")
        page.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False},
        )
        navigated = page.send("Page.navigate", {"url": url})
        if navigated.get("errorText"):
            raise BrowserError(f"cannot open {url}: {navigated['errorText']}")
        self.wait_for(page, "Page.loadEventFired")
        return page

    def _dispatch(self, message: dict[str, Any]) -> None:
        if "method" not in message:
            return
        page = self._pages.get(message.get("sessionId", ""))
        if page is not None:
            page.record(message)
        self._events.append(message)

    def _receive(self, deadline: float, waiting_for: str) -> dict[str, Any]:
        """The next message from the browser; :class:`BrowserError` once ``deadline`` passes or it exits."""
        while b"\0" not in self._buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                raise BrowserError(f"no answer to {waiting_for} within {TIMEOUT:.0f} s")
            ready, _, _ = select.select([self._answers], [], [], left)
            if not ready:
                continue
            chunk = os.read(self._answers, 1 << 20)
            if not chunk:
                raise BrowserError(f"the browser exited (code {self.process.poll()}) while waiting for {waiting_for}")
            self._buffer += chunk
        message, _, self._buffer = self._buffer.partition(b"\0")
        decoded: dict[str, Any] = json.loads(message)
        return decoded
