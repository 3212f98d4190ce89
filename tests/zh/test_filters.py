"""Tests for the Jinja filters exported by docgen.zh."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

import jinja2
import pytest

from docgen.i18n import set_language
from docgen.zh import FILTERS


@pytest.fixture
def env() -> jinja2.Environment:
    """A plain Jinja environment with the docgen.zh filters registered."""
    environment = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)  # noqa: S701 -- no HTML here
    environment.filters.update(FILTERS)
    return environment


@pytest.fixture
def language() -> Iterator[None]:
    """Restore the default message language after a test that switches it."""
    yield
    set_language(None)


def test_filter_names() -> None:
    """Exactly the documented filter names are exported."""
    assert set(FILTERS) == {
        "date_cn",
        "date_hanzi",
        "month_cn",
        "date_paren",
        "cn_num",
        "ordinal",
        "enum_cn",
        "join_enum",
        "di",
        "fullwidth",
        "rmb_upper",
        "title_break",
    }


@pytest.mark.parametrize(
    ("source", "context", "expected"),
    [
        ("{{ d|date_cn }}", {"d": dt.date(2026, 1, 5)}, "2026年1月5日"),
        ("{{ d|date_cn }}", {"d": "2026/11/21"}, "2026年11月21日"),
        ("{{ d|date_hanzi }}", {"d": "2026-11-21"}, "二〇二六年十一月二十一日"),
        ("{{ d|month_cn }}", {"d": dt.datetime(2026, 11, 21, 9)}, "2026年11月"),
        ("{{ d|date_paren }}", {"d": "2026年11月21日"}, "（2026年11月21日）"),
        ("{{ n|cn_num }}", {"n": 120000001}, "一亿二千万零一"),
        ("{{ n|cn_num }}", {"n": " 21 "}, "二十一"),
        ("{% for x in xs %}{{ loop.index|ordinal }}{% endfor %}", {"xs": "ab"}, "一、二、"),
        ("{% for x in xs %}{{ loop.index|ordinal(2) }}{% endfor %}", {"xs": "ab"}, "（一）（二）"),
        ("{{ n|ordinal(3) }}", {"n": "4"}, "4."),
        ("{{ n|ordinal('4') }}", {"n": 4}, "（4）"),
        ("{% for x in xs %}{{ loop.index|enum_cn }}{% endfor %}", {"xs": "ab"}, "一是二是"),
        ("{{ xs|join_enum }}", {"xs": ["学习。", "考勤"]}, "一是学习；二是考勤。"),
        ("{{ xs|join_enum }}", {"xs": []}, ""),
        ("{{ n|di }}", {"n": 12}, "第十二"),
        ("{{ t|fullwidth }}", {"t": '他说"好",然后.'}, "他说“好”，然后。"),
        ("{{ a|rmb_upper }}", {"a": 100.05}, "壹佰元零伍分"),
        ("{{ a|rmb_upper }}", {"a": "100200"}, "壹拾万零贰佰元整"),
        ("{{ a|rmb_upper }}", {"a": Decimal("1.2")}, "壹元贰角"),
    ],
)
def test_filters_render(
    env: jinja2.Environment, source: str, context: dict[str, object], expected: str
) -> None:
    """Each filter renders the values templates pass."""
    assert env.from_string(source).render(context) == expected


@pytest.mark.parametrize(
    ("name", "args", "shown"),
    [
        ("cn_num", (1.5,), "1.5"),
        ("cn_num", ("abc",), "'abc'"),
        ("cn_num", (None,), "None"),
        ("cn_num", (True,), "True"),
        ("cn_num", (-1,), "-1"),
        ("cn_num", ("1e3",), "'1e3'"),
        ("ordinal", (0,), "0"),
        ("ordinal", (1, 5), "5"),
        ("ordinal", (1, "x"), "'x'"),
        ("ordinal", (2.0,), "2.0"),
        ("enum_cn", ("0",), "0"),
        ("enum_cn", ([1],), "[1]"),
        ("di", (-2,), "-2"),
        ("di", ("二",), "'二'"),
        ("join_enum", ("学习",), "'学习'"),
        ("join_enum", (5,), "5"),
        ("join_enum", ([1, 2],), "1"),
        ("join_enum", (["。"],), "'。'"),
        ("fullwidth", (5,), "5"),
        ("fullwidth", (None,), "None"),
        ("rmb_upper", (None,), "None"),
        ("rmb_upper", ([1],), "[1]"),
        ("rmb_upper", ("十元",), "'十元'"),
        ("date_cn", ("2026-02-30",), "'2026-02-30'"),
        ("date_hanzi", (20261121,), "20261121"),
        ("month_cn", (None,), "None"),
        ("date_paren", ("tomorrow",), "'tomorrow'"),
    ],
)
def test_filters_raise_value_error(name: str, args: tuple[object, ...], shown: str) -> None:
    """Values a filter cannot use raise ValueError (never TypeError) showing the value."""
    with pytest.raises(ValueError, match=re.escape(shown)):
        FILTERS[name](*args)


def test_filter_error_surfaces_through_jinja(env: jinja2.Environment) -> None:
    """A bad value in a template reaches the caller as the filter's ValueError."""
    with pytest.raises(ValueError, match="'abc'"):
        env.from_string("{{ n|cn_num }}").render(n="abc")


@pytest.mark.parametrize(("lang", "word"), [("zh", "整数"), ("en", "integer")])
@pytest.mark.usefixtures("language")
def test_filter_messages_follow_language(lang: str, word: str) -> None:
    """Filter errors are worded in the current message language."""
    set_language(lang)
    with pytest.raises(ValueError, match=word):
        FILTERS["cn_num"]("abc")
