"""Things outside a document that it may try to reach: a counting web server, a secret picture."""

from __future__ import annotations

import http.server
import io
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PIL import Image

from tests.docx_builder import p
from tests.hostile_docx import field, linked_picture, with_references


class _Counting(http.server.BaseHTTPRequestHandler):
    hits: list[str]
    png: bytes

    def do_GET(self) -> None:
        self.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(self.png)))
        self.end_headers()
        self.wfile.write(self.png)

    def log_message(self, *args: object) -> None:
        pass


def png(width: int, height: int) -> bytes:
    """A small red PNG; its size tells it apart in ``pdfimages -list``."""
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


@contextmanager
def counting_server() -> Iterator[tuple[str, list[str]]]:
    """A web server on 127.0.0.1 that serves a picture and records every request."""
    hits: list[str] = []
    handler = type("Handler", (_Counting,), {"hits": hits, "png": png(41, 29)})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def pdf_images(pdf: Path) -> list[str]:
    """One line of ``pdfimages -list`` per image in ``pdf``."""
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return listing.splitlines()[2:]  # two header lines, then one line per image


def pdf_text(pdf: Path) -> str:
    """The text ``pdftotext`` reads from ``pdf``."""
    return subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout


def reaching_out(folder: Path, url: str, text: str) -> Path:
    """``folder/外链.docx``: ``text``, then a picture linked to ``folder/secret.png`` (37x23), one
    linked to ``url/pixel.png`` and an ``INCLUDEPICTURE`` of ``url/field.png``."""
    secret = folder / "secret.png"
    secret.write_bytes(png(37, 23))
    body = (
        p(text)
        + linked_picture("rIdF", 5)
        + linked_picture("rIdH", 6)
        + field(f'INCLUDEPICTURE "{url}/field.png" \\d')
    )
    source = folder / "外链.docx"
    source.write_bytes(
        with_references(
            body, ("rIdF", "image", secret.as_uri()), ("rIdH", "image", f"{url}/pixel.png")
        )
    )
    return source
