"""Property test: any text round-trips through a paragraph, a table cell and a header.

The only permitted outcomes are the exact text back, or the documented
InvalidCharacterError for characters XML 1.0 cannot hold. The output always
opens (python-docx) and passes docgen's own package checks.
"""

from __future__ import annotations

import io
import re

import docx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import docgen
from docgen.exceptions import InvalidCharacterError
from tests.docx_builder import make_docx, p, paragraph_texts, table

_INVALID = re.compile("[\x00-\x06\x08\x0b\x0e-\x1f\ufffe\uffff]")
_TEMPLATE = docgen.Template(make_docx(p("«{{ v }}»") + table(["«{{ v }}»"]), header=p("«{{ v }}»")))

# Full Unicode (no surrogates, which Python strings from real data never hold),
# with the characters that matter most weighted in: markup, quotes, emoji, CJK
# Extension B, spaces at the ends, and the control characters docgen interprets.
_SPECIAL = st.sampled_from(
    [
        "&",
        "<",
        ">",
        '"',
        "'",
        " ",
        "\u3000",
        "😀",
        "𠀀",
        "𪚥",
        "\n",
        "\t",
        "\r",
        "\x07",
        "\x0c",
        "\x01",
        "\ufffe",
        "{{",
        "}}",
        "{%",
        "%}",
        "]]>",
    ]
)
_TEXT = st.lists(
    st.one_of(st.text(alphabet=st.characters(exclude_categories=("Cs",))), _SPECIAL), max_size=8
).map("".join)


def _expected(value: str) -> str:
    """What the document should show: docgen's documented conversions, nothing else."""
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _round_trip(texts: list[str]) -> list[str]:
    """The value between the « » markers, with paragraph breaks written back as \\a."""
    joined = "\x07".join(texts)
    return re.findall("«(.*?)»", joined, flags=re.S)


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_any_text_round_trips_or_raises_the_documented_error(value: str) -> None:
    """Paragraph, table cell and header all give the value back exactly, or it is refused."""
    assume("«" not in value and "»" not in value)  # the markers that delimit the value
    if _INVALID.search(value):
        with pytest.raises(InvalidCharacterError) as refused:
            _TEMPLATE.render({"v": value})
        assert refused.value.field_path == "v"
        return
    out = _TEMPLATE.render({"v": value})
    assert docgen.verify_package(out) == []
    docx.Document(io.BytesIO(out))
    body = _round_trip(paragraph_texts(out))
    header = _round_trip(paragraph_texts(out, "word/header1.xml"))
    assert body == [_expected(value)] * 2
    assert header == [_expected(value)]


@settings(max_examples=80, deadline=None)
@given(_TEXT)
def test_strip_invalid_always_renders(value: str) -> None:
    """With strip_invalid, every value renders and only the forbidden characters vanish."""
    assume("«" not in value and "»" not in value)
    out = _TEMPLATE.render({"v": value}, strip_invalid=True)
    assert docgen.verify_package(out) == []
    assert _round_trip(paragraph_texts(out))[0] == _expected(_INVALID.sub("", value))
