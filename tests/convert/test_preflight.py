"""Converting a document that links outside itself: LibreOffice reads no file and no URL."""

from __future__ import annotations

import http.server
import io
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from docgen.convert import OfficePool
from docgen.convert.preflight import prepare
from tests.docx_builder import p
from tests.hostile_docx import GOOD, bad_crc, field, linked_picture, with_references

pytestmark = pytest.mark.real


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


def _png(width: int, height: int) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture
def server() -> Iterator[tuple[str, list[str]]]:
    """A web server on 127.0.0.1 that serves a picture and records every request."""
    hits: list[str] = []
    handler = type("Handler", (_Counting,), {"hits": hits, "png": _png(41, 29)})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        httpd.server_close()


def _images(pdf: Path) -> list[str]:
    listing = subprocess.run(
        ["pdfimages", "-list", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return listing.splitlines()[2:]  # two header lines, then one line per image


def test_linked_pictures_and_fields_are_never_read(
    office_pool: OfficePool, server: tuple[str, list[str]], tmp_path: Path
) -> None:
    """Linked file: and http: pictures and an INCLUDEPICTURE: no request, no image in the PDF."""
    url, hits = server
    secret = tmp_path / "secret.png"
    secret.write_bytes(_png(37, 23))
    body = (
        p("转换正文")
        + linked_picture("rIdF", 5)
        + linked_picture("rIdH", 6)
        + field(f'INCLUDEPICTURE "{url}/field.png" \\d')
    )
    source = tmp_path / "外链.docx"
    source.write_bytes(
        with_references(
            body, ("rIdF", "image", secret.as_uri()), ("rIdH", "image", f"{url}/pixel.png")
        )
    )
    result = office_pool.convert([source], tmp_path / "pdf")
    assert result.ok, [f.message for f in result.failures]
    removed = [w for w in result.warnings if w.code == "external_reference_removed"]
    assert len(removed) == 3
    assert all(w.location.file == str(source) for w in removed)
    assert result.outputs[0].source == source
    pdf = result.outputs[0].path
    assert pdf.name == "外链.pdf"
    assert hits == []
    assert _images(pdf) == []
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "转换正文" in text


def test_damaged_document_is_refused_before_libreoffice(
    office_pool: OfficePool, tmp_path: Path
) -> None:
    """A bad CRC fails that file with a reason naming the member; no office is asked."""
    source = tmp_path / "坏.docx"
    source.write_bytes(bad_crc(GOOD, "word/document.xml"))
    result = office_pool.convert([source], tmp_path)
    (failure,) = result.failures
    assert failure.source == source
    assert "word/document.xml" in failure.message
    assert "CRC" in failure.message


def test_clean_document_is_handed_over_as_it_is(tmp_path: Path) -> None:
    """Nothing to remove: LibreOffice gets the original file, not a copy."""
    source = tmp_path / "干净.docx"
    source.write_bytes(GOOD)
    ready = prepare(source, tmp_path / "scratch")
    assert ready.path == source
    assert ready.warnings == ()
    assert not (tmp_path / "scratch").exists()
