"""docgen.stamp: the render time by default, SOURCE_DATE_EPOCH or the fixed moment when asked."""

from __future__ import annotations

import datetime as dt

import pytest

from docgen import stamp
from docgen.exceptions import RenderError


@pytest.fixture
def no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite sets SOURCE_DATE_EPOCH (tests/conftest.py); these tests need it unset."""
    monkeypatch.delenv(stamp.ENV, raising=False)


def test_default_is_now_in_utc_whole_seconds(no_epoch: None) -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    moment = stamp.render_time()
    after = dt.datetime.now(dt.UTC)
    assert before <= moment <= after
    assert moment.microsecond == 0
    assert moment.tzinfo is dt.UTC
    assert stamp.fixed_time() is None


def test_deterministic_is_the_documented_moment(no_epoch: None) -> None:
    assert stamp.render_time(deterministic=True) == stamp.FIXED
    assert stamp.w3cdtf(stamp.FIXED) == "2026-01-01T00:00:00Z"


def test_source_date_epoch_wins_with_or_without_determinism(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(stamp.ENV, "1700000000")
    expected = dt.datetime(2023, 11, 14, 22, 13, 20, tzinfo=dt.UTC)
    assert stamp.render_time() == expected
    assert stamp.render_time(deterministic=True) == expected
    monkeypatch.setenv(stamp.ENV, "  ")
    assert stamp.fixed_time() is None  # blank counts as unset


@pytest.mark.parametrize("raw", ["yesterday", "1.5", "9" * 30])
def test_malformed_source_date_epoch_is_an_error_naming_it(
    monkeypatch: pytest.MonkeyPatch, raw: str
) -> None:
    monkeypatch.setenv(stamp.ENV, raw)
    with pytest.raises(RenderError) as caught:
        stamp.render_time()
    assert "SOURCE_DATE_EPOCH" in str(caught.value)
    assert raw in str(caught.value)


def test_w3cdtf_round_trips_and_converts_to_utc() -> None:
    beijing = dt.timezone(dt.timedelta(hours=8))
    moment = dt.datetime(2026, 12, 5, 4, 31, 7, tzinfo=beijing)
    assert stamp.w3cdtf(moment) == "2026-12-04T20:31:07Z"
    assert stamp.parse_w3cdtf("2026-12-04T20:31:07Z") == moment
