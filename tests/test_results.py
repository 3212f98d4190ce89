"""One result shape for every layer: Output and Failure, their exit codes and their language."""

from __future__ import annotations

import pickle
import threading
from dataclasses import replace
from pathlib import Path

from docgen.exceptions import (
    ConversionFailed,
    DataError,
    ExitCode,
    Location,
    MissingFieldError,
    Problem,
)
from docgen.i18n import language
from docgen.results import Failure, Output, exit_code_of, file_sha256


def _problem() -> Problem:
    return Problem("bad", "实到人数多于应到人数", "present exceeds due", Location("a.yaml", 3))


def test_error_keeps_the_language_it_was_raised_in() -> None:
    """str(err) is in the language of the raising call, not of the one printing it."""
    with language("en"):
        err = DataError("数据有误", "invalid data", [_problem()])
    with language("zh"):
        text = str(err)
    assert err.lang == "en"
    assert text.startswith("invalid data")
    assert "present exceeds due" in text
    assert "实到" not in text
    assert "数据有误" in err.text("zh")
    assert "实到人数多于应到人数" in err.text("zh")
    assert err.message == "invalid data"


def test_render_error_place_follows_its_language() -> None:
    """A render error's place (part, paragraph) is worded in the error's language too."""
    with language("zh"):
        err = MissingFieldError(
            "缺少字段 x",
            "missing field x",
            location=Location(part="word/document.xml", paragraph=3),
        )
    with language("en"):
        assert str(err) == "正文第 3 段: 缺少字段 x"
        assert err.text("en") == "body paragraph 3: missing field x"


def test_two_threads_two_languages() -> None:
    """Errors made at once in two threads keep their own wording wherever printed."""
    made: dict[str, DataError] = {}
    start = threading.Barrier(2)

    def run(lang: str) -> None:
        with language(lang):
            start.wait()
            made[lang] = DataError("数据有误", "invalid data", [_problem()])

    threads = [threading.Thread(target=run, args=(x,)) for x in ("zh", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with language("en"):
        assert str(made["zh"]).startswith("数据有误")
    with language("zh"):
        assert str(made["en"]).startswith("invalid data")


def test_failure_from_error_carries_code_exit_code_and_both_texts() -> None:
    """A failure record of an error: its code, exit code, full text in both languages."""
    with language("en"):
        err = DataError("数据有误", "invalid data", [_problem()])
    failure = Failure.from_error(err, step="plan", output="a.docx", row=5)
    assert (failure.code, failure.exit_code) == ("data_error", ExitCode.DATA)
    assert "实到人数多于应到人数" in failure.message_zh
    assert "present exceeds due" in failure.message_en
    assert failure.lang == "en"
    with language("zh"):
        assert failure.describe().startswith("row 5 [plan → a.docx]: invalid data")
        assert failure.describe("zh").startswith("第 5 行 [plan → a.docx]: 数据有误")
    assert pickle.loads(pickle.dumps(failure)) == failure  # noqa: S301 -- our own bytes


def test_conversion_failure_names_its_file() -> None:
    """A conversion failure is exit code 7 and names the file; ConversionFailed lists it."""
    with language("zh"):
        failure = Failure.conversion(Path("b.docx"), "文件不存在", "file not found", 0)
        err = ConversionFailed([failure])
    assert failure.exit_code == ExitCode.CONVERSION
    assert failure.describe() == "b.docx: 文件不存在"
    assert str(err) == "1 个文件转换失败\n  - b.docx: 文件不存在"
    assert err.text("en") == "1 file(s) failed to convert\n  - b.docx: file not found"


def test_exit_code_of_prefers_a_document_failure_to_a_missing_pdf() -> None:
    """0 for none; a failed document says more than a PDF that did not convert."""
    pdf = Failure.conversion(Path("a.docx"), "坏了", "broken")
    data = Failure("data_error", ExitCode.DATA, "错", "bad")
    assert exit_code_of([]) == ExitCode.OK
    assert exit_code_of([pdf]) == ExitCode.CONVERSION
    assert exit_code_of([pdf, data]) == ExitCode.DATA
    assert exit_code_of([replace(data, exit_code=ExitCode.RENDER), data]) == ExitCode.RENDER


def test_output_written_reads_back_hash_and_size(tmp_path: Path) -> None:
    """Output.written records the file as it is on disk."""
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4 test")
    out = Output.written(path, source=tmp_path / "a.docx")
    assert (out.relpath, out.kind, out.size) == ("a.pdf", "pdf", 13)
    assert out.sha256 == file_sha256(path)
    assert len(out.sha256) == 64
    assert out.data is None
    assert out.path == path
    assert out.name == "a.pdf"
