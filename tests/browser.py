"""A real browser for the web page of ``kpi report``: Debian's ``chromium``, headless, driven
through the DevTools protocol over a pipe (``--remote-debugging-pipe``: file descriptors 3 and
4, messages ended by a NUL byte), with the standard library only. It records every request
the page makes, every request that failed and every console message, takes a screenshot and
prints the page to PDF. Shared by the tests and ``scripts/report_picture.py``.
"""

from __future__ import annotations

import base64
import contextlib
import fcntl
import json
import os
import shutil
import struct
import subprocess
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: The flags the issue asks for: no sandbox (root in CI), no GPU, nothing in the background
#: that would reach the network, a new profile.
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
_EVENTS = {
    "Runtime.consoleAPICalled": "console",
    "Runtime.exceptionThrown": "console",
    "Log.entryAdded": "console",
    "Network.loadingFailed": "failed",
    "Network.requestWillBeSent": "requests",
}


def chromium() -> str | None:
    """The browser's program, when it is installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class Loaded:
    """What loading one page gave."""

    requests: list[str] = field(default_factory=list)  # every URL asked for
    failed: list[dict[str, Any]] = field(default_factory=list)
    console: list[dict[str, Any]] = field(default_factory=list)
    screenshot: bytes = b""  # PNG
    pdf: bytes = b""


class Browser:
    """One headless chromium, its own profile in a temporary folder; a context manager."""

    def __init__(self, timeout: float = 60) -> None:
        program = chromium()
        if program is None:
            raise RuntimeError("chromium is not installed")
        self.timeout = timeout
        self.profile = tempfile.mkdtemp(prefix="kpi-chromium-")
        command_read, command_write = os.pipe()  # chromium reads our commands on fd 3
        reply_read, reply_write = os.pipe()  # and writes its replies on fd 4

        def on_fds() -> None:
            # copies above 10 first, so that putting one on 3 cannot close the other
            commands = fcntl.fcntl(command_read, fcntl.F_DUPFD, 10)
            replies = fcntl.fcntl(reply_write, fcntl.F_DUPFD, 10)
            os.dup2(commands, 3)
            os.dup2(replies, 4)

        args = [program, *FLAGS, f"--user-data-dir={self.profile}", "--remote-debugging-pipe"]
        self.process = subprocess.Popen(
            [*args, "about:blank"],
            pass_fds=(3, 4),
            preexec_fn=on_fds,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        # chromium's ends closed here, so that its exit ends our reads
        os.close(command_read)
        os.close(reply_write)
        self.writer = os.fdopen(command_write, "wb", buffering=0)
        self.reader = os.fdopen(reply_read, "rb", buffering=0)
        self.buffer = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(OSError, EOFError, RuntimeError):
            self._call("Browser.close")
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self.writer.close()
        self.reader.close()
        shutil.rmtree(self.profile, ignore_errors=True)

    # -- the protocol ----------------------------------------------------------------------

    def _send(self, method: str, params: dict[str, Any] | None, session: str | None) -> int:
        self.next_id += 1
        message: dict[str, Any] = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.writer.write(json.dumps(message).encode() + b"\0")
        return self.next_id

    def _receive(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buffer:
            if time.monotonic() > deadline:
                raise RuntimeError("chromium did not answer in time")
            chunk = self.reader.read(1 << 20)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self.buffer += chunk
        message, _, self.buffer = self.buffer.partition(b"\0")
        found: dict[str, Any] = json.loads(message)
        return found

    def _call(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        wanted = self._send(method, params, session)
        deadline = time.monotonic() + self.timeout
        while True:
            message = self._receive(deadline)
            if message.get("id") == wanted:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                result: dict[str, Any] = message.get("result", {})
                return result
            self.events.append(message)

    def _wait_for(self, method: str) -> None:
        deadline = time.monotonic() + self.timeout
        while not any(e.get("method") == method for e in self.events):
            self.events.append(self._receive(deadline))

    # -- a page ----------------------------------------------------------------------------

    def load(self, page: Path, width: int = 1200, height: int = 1400, anchor: str = "") -> Loaded:
        """Open ``page`` in a new tab (scrolled to ``anchor``, an element's id, when given):
        its requests, failures and console messages while it loads, a screenshot of the
        window (``width`` x ``height``), and the page printed to PDF (its own @page size)."""
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        attach = {"targetId": target, "flatten": True}
        session = self._call("Target.attachToTarget", attach)["sessionId"]
        for domain in ("Runtime", "Log", "Network", "Page"):
            self._call(f"{domain}.enable", session=session)
        metrics = {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}
        self._call("Emulation.setDeviceMetricsOverride", metrics, session)
        self.events.clear()
        url = page.resolve().as_uri() + (f"#{anchor}" if anchor else "")
        self._call("Page.navigate", {"url": url}, session)
        self._wait_for("Page.loadEventFired")
        image = self._call("Page.captureScreenshot", {"format": "png"}, session)["data"]
        printed = {"preferCSSPageSize": True, "printBackground": True}
        pdf = self._call("Page.printToPDF", printed, session)["data"]
        loaded = Loaded(screenshot=base64.b64decode(image), pdf=base64.b64decode(pdf))
        for event in self.events:
            if event.get("sessionId") != session or event.get("method") not in _EVENTS:
                continue
            params = event["params"]
            where = _EVENTS[event["method"]]
            if where == "requests":
                loaded.requests.append(params["request"]["url"])
            else:
                getattr(loaded, where).append(params)
        self._call("Target.closeTarget", {"targetId": target})
        return loaded


# -- reading the screenshot ---------------------------------------------------------------------


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of RGB(A) bytes of an 8-bit, non-interlaced PNG (what
    chromium writes), unfiltered as the PNG specification says."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, chunks, header = 8, [], b""
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos : pos + 4])
        kind = data[pos + 4 : pos + 8]
        body = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", header)
    assert (depth, interlace) == (8, 0), (depth, interlace)
    assert colour in (2, 6), colour  # RGB or RGBA
    step = 3 if colour == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    rows: list[bytes] = []
    previous = bytes(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1 : (y + 1) * (stride + 1)])
        _unfilter(kind, line, previous, step)
        rows.append(bytes(line))
        previous = bytes(line)
    return width, height, rows


def _unfilter(kind: int, line: bytearray, previous: bytes, step: int) -> None:
    for i in range(len(line)):
        left = line[i - step] if i >= step else 0
        up = previous[i]
        corner = previous[i - step] if i >= step else 0
        if kind == 1:
            line[i] = (line[i] + left) & 0xFF
        elif kind == 2:
            line[i] = (line[i] + up) & 0xFF
        elif kind == 3:
            line[i] = (line[i] + (left + up) // 2) & 0xFF
        elif kind == 4:
            estimate = left + up - corner
            pa, pb, pc = abs(estimate - left), abs(estimate - up), abs(estimate - corner)
            best = left if pa <= pb and pa <= pc else up if pb <= pc else corner
            line[i] = (line[i] + best) & 0xFF
