"""Suite-wide fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from docgen.i18n import set_language


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
