"""A chart's table of numbers, read from data in the shapes people keep it in.

Three shapes are read, so a YAML file, an Excel sheet's rows or a program's dict
all work without reshaping:

- rows: ``[{月份: 1月, 应到: 23, 实到: 21}, …]`` with ``category='月份'`` (default:
  the first key) and ``series=['应到', '实到']`` (default: every other key);
- one series as a mapping: ``{优秀: 15, 合格: 7, 基本合格: 1}``;
- explicit: ``{categories: [...], series: {应到: [...], 实到: [...]}}``.

Every value must be a number (a numeric string from a spreadsheet counts); an
empty cell is a gap in the chart. Anything else is an error naming the series
and the category, never a bar silently drawn at zero.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from docgen.i18n import tr

#: Limits that keep a chart readable and its parts small.
MAX_POINTS = 500
MAX_SERIES = 30


@dataclass(frozen=True)
class ChartTable:
    """Category labels and, per series name, one value (or ``None``, a gap) per category."""

    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[float | None, ...]], ...]

    def __post_init__(self) -> None:
        if not self.categories:
            raise ValueError(tr("图表没有分类（横轴）数据", "the chart has no categories"))
        if not self.series:
            raise ValueError(tr("图表没有数据系列", "the chart has no data series"))
        if len(self.categories) > MAX_POINTS or len(self.series) > MAX_SERIES:
            raise ValueError(
                tr(
                    f"图表数据过多：最多 {MAX_POINTS} 个分类、{MAX_SERIES} 个系列",
                    f"too much chart data: at most {MAX_POINTS} categories, {MAX_SERIES} series",
                )
            )
        for name, values in self.series:
            if len(values) != len(self.categories):
                raise ValueError(
                    tr(
                        f"图表系列「{name}」有 {len(values)} 个数值，分类有 "
                        f"{len(self.categories)} 个：两者应一样多",
                        f"chart series {name!r} has {len(values)} values for "
                        f"{len(self.categories)} categories",
                    )
                )


def read_table(
    value: object, category: str | None = None, series: Sequence[str] | str | None = None
) -> ChartTable:
    """A :class:`ChartTable` from ``value`` in any of the module's three shapes."""
    if isinstance(value, ChartTable):
        return value
    if isinstance(value, Mapping) and "categories" in value and "series" in value:
        return _explicit(value["categories"], value["series"])
    if isinstance(value, Mapping):
        return table_of(list(value), {"数值": list(value.values())})
    if isinstance(value, Sequence) and not isinstance(value, str | bytes):
        return _rows(list(value), category, series)
    raise ValueError(
        tr(
            f"无法把 {type(value).__name__} 当作图表数据：请给出行的列表、分类到数值的映射，"
            "或 categories 与 series",
            f"cannot read a {type(value).__name__} as chart data: give a list of rows, a "
            "mapping of category to number, or categories and series",
        )
    )


def table_of(categories: Sequence[object], series: Mapping[str, Sequence[object]]) -> ChartTable:
    """A table from category labels and series values, each value checked to be a number."""
    labels = tuple(_label(c) for c in categories)
    checked = []
    for name, values in series.items():
        at = [labels[i] if i < len(labels) else "" for i in range(len(values))]
        row = tuple(number(v, str(name), c) for v, c in zip(values, at, strict=True))
        checked.append((str(name), row))
    return ChartTable(labels, tuple(checked))


def _explicit(categories: object, series: object) -> ChartTable:
    if not isinstance(categories, Sequence) or isinstance(categories, str | bytes):
        raise ValueError(tr("图表的 categories 应是列表", "the chart's categories must be a list"))
    if isinstance(series, Mapping):
        return table_of(categories, {str(k): _values(v, str(k)) for k, v in series.items()})
    if isinstance(series, Sequence) and not isinstance(series, str | bytes):
        named = {}
        for item in series:
            if not isinstance(item, Mapping) or "name" not in item or "values" not in item:
                raise ValueError(
                    tr(
                        "图表的每个系列应写作 {name: 名称, values: [数值…]}",
                        "each chart series must be {name: …, values: […]}",
                    )
                )
            named[str(item["name"])] = _values(item["values"], str(item["name"]))
        return table_of(categories, named)
    raise ValueError(
        tr("图表的 series 应是映射或列表", "the chart's series must be a mapping or list")
    )


def _values(values: object, name: str) -> Sequence[object]:
    if isinstance(values, Sequence) and not isinstance(values, str | bytes):
        return values
    raise ValueError(
        tr(f"图表系列「{name}」的数值应是列表", f"chart series {name!r} must be a list")
    )


def _rows(
    rows: list[object], category: str | None, series: Sequence[str] | str | None
) -> ChartTable:
    if not rows or not all(isinstance(r, Mapping) for r in rows):
        raise ValueError(
            tr(
                "图表数据应是非空的行列表，每行是一个映射",
                "chart rows must be a non-empty list of mappings",
            )
        )
    maps: list[Mapping[str, object]] = [r for r in rows if isinstance(r, Mapping)]
    keys = list(maps[0])
    key = category if category is not None else (keys[0] if keys else "")
    names = [series] if isinstance(series, str) else list(series or [k for k in keys if k != key])
    for needed in [key, *names]:
        missing = [n + 1 for n, r in enumerate(maps) if needed not in r]
        if missing:
            raise ValueError(
                tr(
                    f"图表数据第 {missing[0]} 行缺少「{needed}」列",
                    f"chart row {missing[0]} has no column {needed!r}",
                )
            )
    return table_of([r[key] for r in maps], {n: [r[n] for r in maps] for n in names})


def _label(value: object) -> str:
    return "" if value is None else str(value)


def number(value: object, series: str, category: str) -> float | None:
    """``value`` as a number; empty is ``None`` (a gap); anything else is an error."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValueError(_not_a_number(value, series, category))
    if isinstance(value, int | float | Decimal):
        result = float(value)
    elif isinstance(value, str):
        try:
            result = float(value.strip().replace(",", ""))
        except ValueError:
            raise ValueError(_not_a_number(value, series, category)) from None
    else:
        raise ValueError(_not_a_number(value, series, category))
    if not math.isfinite(result):
        raise ValueError(_not_a_number(value, series, category))
    return result


def _not_a_number(value: object, series: str, category: str) -> str:
    place = f"「{category}」" if category else ""
    return tr(
        f"图表系列「{series}」{place}的值 {value!r} 不是数字",
        f"chart series {series!r}{' at ' + repr(category) if category else ''}: "
        f"{value!r} is not a number",
    )
