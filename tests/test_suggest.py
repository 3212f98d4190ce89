"""Did-you-mean over field, filter and template names."""

from __future__ import annotations

import pytest

from docgen.suggest import closest


@pytest.mark.parametrize(
    ("word", "choices", "want"),
    [
        ("主持任", ["主持人", "记录人", "地点"], "主持人"),
        ("mesures", ["measures", "mode"], "measures"),
        ("TITLE", ["title", "date"], "title"),
        ("cn_nm", ["cn_num", "di", "rmb_upper"], "cn_num"),
        ("完全无关", ["主持人", "记录人"], None),
        ("人", ["主持人"], None),
    ],
)
def test_closest(word: str, choices: list[str], want: str | None) -> None:
    """One slip in a short Chinese name is caught; unrelated words get no guess."""
    assert closest(word, choices) == want


def test_unknown_filter_names_the_closest(tmp_path: object) -> None:
    """check reports an unknown filter with the filter that was probably meant."""
    from pathlib import Path

    import docgen
    from tests.docx_builder import make_docx, p

    path = Path(str(tmp_path)) / "t.docx"
    path.write_bytes(make_docx(p("{{ n|cn_nm }}")))
    problem = docgen.check_template(path)[0]
    assert problem.code == "unknown_filter"
    assert "是否应为 cn_num？" in problem.message_zh
