"""Serve the built book on 127.0.0.1 and drive it with Debian's Chromium through Playwright.

Shared by the browser tests and the site benchmark, so both see the site the same way:
strict content types (as a production host with nosniff would send), every request to
another host blocked and recorded, console errors and failed requests collected.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import shutil
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


_COMPRESSIBLE = (".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt", ".xml")


class _Handler(SimpleHTTPRequestHandler):
    """Static files as a production host serves them: strict types, gzip for text."""

    gzip_cache: dict[str, bytes] = {}

    extensions_map = {
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".json": "application/json",
        ".woff": "font/woff",
        ".woff2": "font/woff2",
        ".svg": "image/svg+xml",
    }

    def end_headers(self):
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in _COMPRESSIBLE and path.is_file()):
            return super().send_head()
        key = str(path)
        if key not in self.gzip_cache:
            self.gzip_cache[key] = gzip.compress(path.read_bytes(), compresslevel=6)
        body = self.gzip_cache[key]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args):  # keep test output readable
        pass


@contextmanager
def serve(directory: Path):
    """Yield the base URL of a static server for ``directory`` on an ephemeral local port."""
    handler = functools.partial(_Handler, directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def chromium_path() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if not path:
        raise RuntimeError("Chromium is not installed: on Debian run 'apt-get install chromium'.")
    return path


@dataclass
class PageLog:
    """What one page load did besides rendering."""

    console_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    external: list[str] = field(default_factory=list)
    bytes: int = 0


def watch(page, base_url: str) -> PageLog:
    """Block requests to other hosts and record errors on ``page``; returns the live log."""
    log = PageLog()
    local = urlparse(base_url).netloc

    def route(route):
        url = route.request.url
        if urlparse(url).scheme in ("http", "https") and urlparse(url).netloc != local:
            log.external.append(url)
            return route.abort()
        return route.continue_()

    def on_response(response):
        if response.status >= 400:
            log.failed.append(f"{response.status} {response.url}")
        with contextlib.suppress(Exception):  # redirects and aborted bodies have none
            log.bytes += len(response.body())

    page.route("**/*", route)
    page.on("console", lambda msg: msg.type == "error" and log.console_errors.append(msg.text))
    page.on("pageerror", lambda exc: log.console_errors.append(f"uncaught: {exc}"))

    def on_failed(request):
        # A navigation (e.g. index.html's redirect) aborts the old page's requests: not a fault.
        if request.url in log.external or request.failure == "net::ERR_ABORTED":
            return
        log.failed.append(f"failed {request.url}: {request.failure}")

    page.on("requestfailed", on_failed)
    page.on("response", on_response)
    return log


def site_pages(site: Path) -> list[str]:
    """Every HTML page a reader can reach (not theme fragments or execution reports)."""
    skip = ("_static/", "_sources/", "reports/", "_images/")
    return sorted(
        str(p.relative_to(site))
        for p in site.rglob("*.html")
        if not str(p.relative_to(site)).startswith(skip)
    )
