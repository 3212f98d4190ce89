"""An integrator's program: only names from ``docgen.__all__``, no internals, no temp files."""

from __future__ import annotations

import io
import threading
import zipfile
from pathlib import Path

import pytest

import docgen

ROOT = Path(__file__).resolve().parents[1]
RECT = ROOT / "fixtures/school/xxgc-jg1/2026/rectification.yaml"
MINUTES = {
    "kind": "minutes",
    "meeting_type": "支委会",
    "time": "2026-03-12 14:30",
    "attendance": {"due": 5, "present": 5},
}

#: Every name this module takes from docgen (checked against __all__ below).
USED = [
    "BundleError",
    "DataBytes",
    "DataError",
    "DocgenError",
    "ExitCode",
    "Failure",
    "Loaded",
    "Output",
    "RecipeError",
    "TemplateNotFound",
    "Bundle",
    "batch",
    "language",
    "load",
    "render",
    "validate",
]


def test_uses_only_public_names() -> None:
    """Everything this program touches is in docgen.__all__."""
    assert set(USED) <= set(docgen.__all__)


def _body(blob: bytes) -> str:
    return zipfile.ZipFile(io.BytesIO(blob)).read("word/document.xml").decode("utf-8")


def test_validate_a_dict() -> None:
    """A dict validates to a model and context; a broken one raises DataError with every problem."""
    loaded = docgen.validate(MINUTES)
    assert isinstance(loaded, docgen.Loaded)
    assert loaded.kind == "minutes"
    assert loaded.context["title"].endswith("支委会记录")
    broken = {**MINUTES, "attendance": {"due": 5, "present": 6}}
    with pytest.raises(docgen.DataError) as info:
        docgen.validate(broken)
    assert [p.code for p in info.value.problems] == ["present_exceeds_due"]
    assert info.value.exit_code == docgen.ExitCode.DATA


def test_render_a_library_template_by_name_to_bytes() -> None:
    """``load`` finds a template by library name; ``render`` takes a dict, a path or bytes."""
    template = docgen.load("reports/zhiweihui-jilu")
    from_dict = docgen.render(template, MINUTES)
    assert "支委会" in _body(from_dict)
    # ``name`` names the bytes in messages and anchors the relative branch_file they hold.
    plan = docgen.render("plans/zhenggai-fangan", RECT.read_bytes(), fmt="yaml", name=str(RECT))
    assert plan == docgen.render("plans/zhenggai-fangan", RECT)
    assert "整改" in _body(plan)


def test_bundle_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library bundle from data in memory: every document as bytes, no folder written."""
    monkeypatch.chdir(tmp_path)
    # ``name`` anchors the branch_file the data refers to (../../branches/…).
    data = docgen.DataBytes(RECT.read_bytes(), "yaml", name=str(RECT))
    result = docgen.Bundle.load("zhenggai").build(None, inputs={"rect": data})
    assert result.failures == []
    assert result.exit_code == docgen.ExitCode.OK
    assert all(isinstance(o, docgen.Output) and o.path is None for o in result.outputs)
    kinds = sorted(o.kind for o in result.outputs)
    assert kinds == ["document", "document", "document", "merged"]
    assert all(zipfile.is_zipfile(io.BytesIO(b)) for b in result.contents.values())
    assert any("整改方案" in name for name in result.contents)
    assert list(tmp_path.iterdir()) == []


def test_batch_in_memory() -> None:
    """Rows as mappings over one common dict: each row's documents as bytes."""
    rect = docgen.DataBytes(RECT.read_bytes(), "yaml", name=str(RECT))
    rows = [{"备注": "第一次"}, {"备注": "第二次"}]
    result = docgen.batch("zhenggai", rows, None, inputs={"rect": rect}, workers=1)
    assert result.out_dir is None
    # Both rows make the same branch's files: the second row fails, named, by class of reason.
    assert result.failed_rows == [2]
    (failure,) = {f.code for f in result.failures}
    assert failure == "output_collision"
    assert all(isinstance(f, docgen.Failure) for f in result.failures)
    assert result.exit_code == docgen.ExitCode.ROWS_FAILED
    assert len(result.contents) == 4
    assert {d.row for d in result.documents} == {1}


def test_each_error_caught_by_class() -> None:
    """Not found, wrong kind and bad data are told apart by class (all DocgenError)."""
    with pytest.raises(docgen.TemplateNotFound):
        docgen.load("reports/no-such-template")
    with pytest.raises(docgen.DataError) as info:
        docgen.render("plans/zhenggai-taizhang", MINUTES)
    assert [p.code for p in info.value.problems] == ["kind_mismatch"]
    assert "需要整改（rectification）数据" in info.value.problems[0].message_zh
    with pytest.raises(docgen.DocgenError):
        docgen.render("reports/zhiweihui-jilu", b"kind: [", fmt="yaml")
    with pytest.raises(docgen.RecipeError):
        docgen.Bundle.load("no-such-bundle")
    bundle = docgen.Bundle.load("zhenggai")
    with pytest.raises(docgen.BundleError):
        bundle.build(None, inputs={"rect": MINUTES}, pdf=True)  # PDFs need a folder
    # In a build, a bad input is a failure record carrying its error's code and exit code.
    broken = {"kind": "rectification", "problems": "没有列表"}
    (failure,) = bundle.build(None, inputs={"rect": broken}).failures
    assert (failure.code, failure.exit_code) == ("data_error", docgen.ExitCode.DATA)


def test_language_per_call_and_per_thread() -> None:
    """Two calls in different languages at once each get their own wording."""
    broken = {**MINUTES, "attendance": {"due": 5, "present": 6}}
    seen: dict[str, str] = {}
    raised: dict[str, docgen.DataError] = {}

    def run(lang: str) -> None:
        with docgen.language(lang):
            try:
                docgen.validate(broken)
            except docgen.DataError as err:
                seen[lang] = str(err)
                raised[lang] = err

    threads = [threading.Thread(target=run, args=(lang,)) for lang in ("zh", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert "实到人数" in seen["zh"]
    assert "present" in seen["en"]
    assert "实到人数" not in seen["en"]
    # Printed later, elsewhere, each still speaks the language of the call that raised it.
    with docgen.language("zh"):
        assert str(raised["en"]) == seen["en"]
    with docgen.language("en"):
        assert str(raised["zh"]) == seen["zh"]
    with docgen.language("en"), pytest.raises(docgen.DataError) as info:
        docgen.validate(broken, lang="zh")  # the call's own language wins
    assert str(info.value) == seen["zh"]
