"""Suite-wide fixtures."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from docgen import stamp
from docgen.i18n import set_language

# Renders stamp their documents with the render time; the suite compares bytes (goldens,
# batch resumes, byte-identical renders), so every test, and every process it starts,
# renders at the documented fixed moment. Tests of the default remove it themselves.
os.environ.setdefault(stamp.ENV, str(int(stamp.FIXED.timestamp())))


@pytest.fixture(autouse=True)
def _chinese_messages_by_default() -> Iterator[None]:
    """Each test starts and ends with the default language.

    ``docgen --lang en`` switches the language for the whole process (as it
    should for one CLI run); inside one pytest process that would leak into
    later tests.
    """
    set_language(None)
    yield
    set_language(None)
