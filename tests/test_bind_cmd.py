"""``docgen bind``: the volume written, the period options, and every error with its exit code."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from docgen.cli import main
from tests.binding.conftest import BRANCH, MINUTES


def _bind(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["bind", *args])
    return result.exit_code, result.stdout, result.stderr


def test_binds_a_quarter(tmp_path: Path) -> None:
    out = tmp_path / "2026Q3"
    args = [str(MINUTES), "--quarter", "2026Q3", "-o", str(out), "--no-paginate"]
    code, stdout, stderr = _bind(*args, "--deterministic")
    assert code == 0, stderr
    assert stdout.splitlines() == [str(out.with_suffix(".docx"))]
    assert f"已装订 {BRANCH}2026年第三季度 17 份会议记录" in stderr
    first = out.with_suffix(".docx").read_bytes()
    assert _bind(*args, "--deterministic")[0] == 0
    assert out.with_suffix(".docx").read_bytes() == first


def test_binds_a_year_of_chosen_files(tmp_path: Path) -> None:
    files = [str(MINUTES / "2026-03-dangke.yaml"), str(MINUTES / "2026-12-dangke.yaml")]
    code, _, stderr = _bind(*files, "-y", "2026", "-o", str(tmp_path / "a.docx"),
                            "--no-paginate")  # fmt: skip
    assert code == 0, stderr
    assert "2026年 2 份会议记录" in stderr


def test_period_is_required_once(tmp_path: Path) -> None:
    out = str(tmp_path / "a.docx")
    for extra in ([], ["-q", "2026Q3", "-y", "2026"]):
        code, _, stderr = _bind(str(MINUTES), "-o", out, *extra)
        assert code == 2
        assert "请用 --quarter（如 2026Q3）或 --year（如 2026）给出装订的时期，二者选一" in stderr


def test_bad_quarter_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = _bind(str(MINUTES), "-q", "2026Q5", "-o", str(tmp_path / "a.docx"))
    assert code == 2
    assert (
        "Invalid value for --quarter: 季度写法不对：'2026Q5'；"
        "请写成 2026Q3（2026年第三季度）这样的年份加 Q1 至 Q4"
    ) in stderr
    assert not (tmp_path / "a.docx").exists()


def test_problems_stop_it_and_keep_going_binds_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "records"
    folder.mkdir()
    for name in ("2026-09-dangke.yaml", "2026-09-zhiweihui.yaml"):
        (folder / name).write_bytes((MINUTES / name).read_bytes())
    (folder / "no-date.yaml").write_text(
        "kind: minutes\nmeeting_type: 支委会\nagenda: [研究工作]\n", encoding="utf-8"
    )
    out = tmp_path / "out.docx"
    code, stdout, stderr = _bind(str(folder), "-q", "2026Q3", "-o", str(out), "--no-paginate")
    assert (code, stdout) == (4, "")
    assert stderr.splitlines() == [
        f"{folder} 的会议记录未装订：1 个文件有问题，没有写出任何文件"
        "（改正后重试；或加 --keep-going 跳过这些文件）",
        f"  - {folder}/no-date.yaml:1:1: time: 时间：缺少必填字段 [missing]",
    ]
    assert not out.exists()
    code, stdout, stderr = _bind(str(folder), "-q", "2026Q3", "-o", str(out), "--no-paginate",
                                 "--keep-going")  # fmt: skip
    assert code == 0, stderr
    assert out.is_file()
    assert f"  - {folder}/no-date.yaml:1:1: time: 时间：缺少必填字段 [missing]" in stderr
    assert "2026年第三季度 2 份会议记录" in stderr


def test_an_empty_quarter(tmp_path: Path) -> None:
    code, _, stderr = _bind(str(MINUTES), "-q", "2027Q1", "-o", str(tmp_path / "a.docx"))
    assert code == 4
    assert stderr.startswith(f"{MINUTES}：2027年第一季度没有会议记录（读到的 ")


def test_listed_in_the_main_help() -> None:
    assert "bind" in CliRunner().invoke(main, ["--help"]).output
