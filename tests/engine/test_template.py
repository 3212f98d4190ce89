"""Template loading and caching, render options and the api helpers around them."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import docgen
from docgen.engine import template as template_module
from tests.docx_builder import make_docx, p, paragraph_texts


@pytest.fixture
def tpl_path(tmp_path: Path) -> Path:
    """A template file on disk."""
    path = tmp_path / "模板.docx"
    path.write_bytes(make_docx(p("{{ a }}")))
    return path


def _bump_mtime(path: Path, seconds: int = 10) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + seconds * 1_000_000_000))


def test_load_returns_cached_object_while_unchanged(tpl_path: Path) -> None:
    """load() twice on an unchanged file gives the same compiled object (str or Path)."""
    first = docgen.load(tpl_path)
    assert docgen.load(tpl_path) is first
    assert docgen.load(str(tpl_path)) is first


def test_load_recompiles_after_change(tpl_path: Path) -> None:
    """A file rewritten with new content and a new mtime is compiled again."""
    first = docgen.load(tpl_path)
    tpl_path.write_bytes(make_docx(p("新：{{ a }}")))
    _bump_mtime(tpl_path)
    second = docgen.load(tpl_path)
    assert second is not first
    assert paragraph_texts(second.render({"a": "x"})) == ["新：x"]
    assert paragraph_texts(first.render({"a": "x"})) == ["x"]


def test_touch_alone_keeps_the_compile(tpl_path: Path) -> None:
    """The cache keys on content: a new mtime over the same bytes reuses the compile."""
    first = docgen.load(tpl_path)
    _bump_mtime(tpl_path)
    assert docgen.load(tpl_path) is first


def test_same_size_and_mtime_but_new_bytes_is_compiled_again(tpl_path: Path) -> None:
    """What ``cp -p``, tar and rsync do: other content, same size and mtime, is still seen."""
    first = docgen.load(tpl_path)
    before = tpl_path.stat()
    blob = make_docx(p("{{ b }}"))
    assert len(blob) == before.st_size
    tpl_path.write_bytes(blob)
    os.utime(tpl_path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (tpl_path.stat().st_size, tpl_path.stat().st_mtime_ns) == (
        before.st_size,
        before.st_mtime_ns,
    )
    second = docgen.load(tpl_path)
    assert second is not first
    assert paragraph_texts(second.render({"b": "新"})) == ["新"]


def test_load_with_filters_is_not_cached(tpl_path: Path) -> None:
    """Custom filters make a private compile that does not replace the shared one."""
    shared = docgen.load(tpl_path)
    custom = docgen.load(tpl_path, filters={"shout": str.upper})
    assert custom is not shared
    assert docgen.load(tpl_path) is shared
    assert "shout" in custom.env.filters
    assert "shout" not in shared.env.filters


def test_cache_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache never holds more than its size; the oldest entry goes first."""
    monkeypatch.setattr(template_module, "_CACHE", {})
    monkeypatch.setattr(template_module, "_CACHE_SIZE", 2)
    paths = []
    for i in range(3):
        path = tmp_path / f"t{i}.docx"
        path.write_bytes(make_docx(p(f"{i}{{{{ a }}}}")))
        paths.append(path)
    first = docgen.load(paths[0])
    docgen.load(paths[1])
    docgen.load(paths[2])
    assert len(template_module._CACHE) == 2
    assert docgen.load(paths[0]) is not first


def test_load_missing_file_is_not_found(tmp_path: Path) -> None:
    """A path that does not exist raises TemplateNotFound (exit code 6), also a LookupError."""
    with pytest.raises(docgen.TemplateNotFound) as info:
        docgen.load(tmp_path / "nope.docx")
    assert info.value.exit_code == 6
    assert isinstance(info.value, LookupError)


def test_load_directory_is_template_error(tmp_path: Path) -> None:
    """load() on a folder raises a docgen error (TemplateError), not IsADirectoryError."""
    with pytest.raises(docgen.TemplateError):
        docgen.load(tmp_path)


def test_render_to_writes_file(tpl_path: Path, tmp_path: Path) -> None:
    """render_to and api.render_to_file write the rendered bytes to the path."""
    out = tmp_path / "sub" / "out.docx"
    written = docgen.load(tpl_path).render_to(out, {"a": "到文件"})
    assert written == out
    assert paragraph_texts(out.read_bytes()) == ["到文件"]
    again = docgen.render_to_file(str(tpl_path), {"a": "再来"}, tmp_path / "b.docx")
    assert paragraph_texts(again.read_bytes()) == ["再来"]


def test_api_render_accepts_path_or_template(tpl_path: Path) -> None:
    """docgen.render takes a path or a compiled Template and returns the same bytes."""
    by_path = docgen.render(tpl_path, {"a": "同"})
    by_template = docgen.render(docgen.load(tpl_path), {"a": "同"})
    assert by_path == by_template
    assert paragraph_texts(by_path) == ["同"]


def test_render_with_check_on_sound_template(tpl_path: Path) -> None:
    """check=True parses every part and still returns the same bytes."""
    tpl = docgen.load(tpl_path)
    assert tpl.render({"a": "x"}, check=True) == tpl.render({"a": "x"})


def test_concurrent_renders_do_not_mix(tpl_path: Path) -> None:
    """Renders of one Template in parallel threads each get their own data."""
    tpl = docgen.load(tpl_path)
    results: dict[int, list[str]] = {}

    def work(i: int) -> None:
        for _ in range(20):
            results[i] = paragraph_texts(tpl.render({"a": f"线程{i}"}))

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == {i: [f"线程{i}"] for i in range(6)}


def test_custom_filter_used_in_render(tpl_path: Path) -> None:
    """A filter passed to load() is available to the template."""
    tpl_path.write_bytes(make_docx(p("{{ a|shout }}")))
    _bump_mtime(tpl_path)
    assert docgen.check_template(tpl_path)[0].code == "unknown_filter"
    tpl = docgen.load(tpl_path, filters={"shout": str.upper})
    assert paragraph_texts(tpl.render({"a": "abc"})) == ["ABC"]
