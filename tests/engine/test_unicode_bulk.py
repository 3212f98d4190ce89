"""Over 10,000 Unicode values through a paragraph, a table cell, a header and a footnote.

Each Hypothesis example renders a batch of values in one document (a loop in
every story), so ten thousand cases cost a few hundred renders. The only
permitted outcomes are the exact text back (with ``\\r\\n`` and ``\\r`` read as
line breaks, as the README says) or, for characters XML 1.0 cannot hold, the
documented InvalidCharacterError.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import docgen
from docgen.exceptions import InvalidCharacterError
from tests.docx_builder import make_docx, p, paragraph_texts, table
from tests.engine.test_properties import _INVALID, _TEXT, _expected
from tests.hostile_docx import with_footnotes

pytestmark = pytest.mark.slow

_LOOP = "{% for v in values %}«{{ v }}»{% endfor %}"
_TEMPLATE = docgen.Template(
    with_footnotes(make_docx(p(_LOOP) + table([_LOOP]), header=p(_LOOP)), p(_LOOP))
)
_STORIES = {
    "body and cell": ("word/document.xml", 2),
    "header": ("word/header1.xml", 1),
    "footnote": ("word/footnotes.xml", 1),
}
_BATCH = 100
_EXAMPLES = 200


def _values(blob: bytes, part: str) -> list[str]:
    return re.findall("«(.*?)»", "\x07".join(paragraph_texts(blob, part)), flags=re.S)


def test_ten_thousand_unicode_values_lose_nothing() -> None:
    """Every value comes back exactly in all four places, or is refused as documented."""
    seen = {"rendered": 0, "refused": 0}

    @settings(
        max_examples=_EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.lists(_TEXT, min_size=_BATCH, max_size=_BATCH))
    def batch(values: list[str]) -> None:
        values = [v for v in values if "«" not in v and "»" not in v]
        valid = [v for v in values if not _INVALID.search(v)]
        refused = [v for v in values if _INVALID.search(v)]
        out = _TEMPLATE.render({"values": valid})
        assert docgen.verify_package(out) == []
        expected = [_expected(v) for v in valid]
        for part, copies in _STORIES.values():
            assert _values(out, part) == expected * copies, part
        seen["rendered"] += len(valid)
        if refused:
            with pytest.raises(InvalidCharacterError):
                _TEMPLATE.render({"values": refused[:1]})
            seen["refused"] += 1

    batch()
    assert seen["rendered"] >= 10_000, seen
