"""Building blocks shared by every model: the base class, the field helper, value types.

Every field has an English canonical name (the attribute, used in dumps and
templates) and a Chinese alias (``alias``, used by ``model_dump(by_alias=True)``
and as an Excel header). On input, the English name, the Chinese alias and a few
synonyms are all accepted. Enumerated values (categories, meeting types…) are
plain ``str`` checked against the active :class:`~docgen.data.config.DataConfig`,
passed to pydantic as validation context ``{"config": cfg}``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Annotated, Any, Self, cast, get_args

from pydantic import (
    AfterValidator,
    AliasChoices,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    JsonValue,
    PlainSerializer,
    PlainValidator,
    PrivateAttr,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic.config import ExtraValues
from pydantic.fields import FieldInfo
from pydantic_core import PydanticCustomError, PydanticUndefined

from docgen.data.config import DEFAULT_CONFIG, DataConfig
from docgen.data.dates import deadline_by, in_year, iso_text, parse_date, parse_moment, yearless


class DocModel(BaseModel):
    """Base of every data model: names or aliases on input, no unknown keys.

    Unknown keys are refused because a misspelt key (``mesures``) would otherwise
    drop data silently. Numbers are accepted where text is expected (an Excel
    cell holding ``2026`` in a 标题 column).
    """

    model_config = ConfigDict(
        validate_by_name=True,
        validate_by_alias=True,
        extra="forbid",
        loc_by_alias=False,
        coerce_numbers_to_str=True,
        # Each model's validator is built the first time it validates, not at import:
        # a run reads one or two kinds, and building all ~60 models cost more than half
        # of importing them (pydantic's documented ``defer_build``).
        defer_build=True,
    )

    # The settings this document was checked under (its own ``config:`` key applied),
    # so code that changes a field and checks again (a roster row) uses the same rules.
    # A factory, not default=: pydantic deep-copies a private default into every
    # instance (a 5,000-row list spent a quarter of its load copying the config).
    # The config is frozen and shared, as remember_config shares it too.
    _config: DataConfig = PrivateAttr(default_factory=lambda: DEFAULT_CONFIG)

    @property
    def checked_config(self) -> DataConfig:
        """The configuration the data door checked this document with."""
        return self._config

    def remember_config(self, config: DataConfig) -> None:
        """Record ``config`` as the one this document was checked with."""
        self._config = config

    @classmethod
    def model_validate(
        cls,
        obj: Any,
        *,
        strict: bool | None = None,
        extra: ExtraValues | None = None,
        from_attributes: bool | None = None,
        context: Any | None = None,
        by_alias: bool | None = None,
        by_name: bool | None = None,
    ) -> Self:
        """Validate ``obj``; for a whole document (a kind), through docgen's data door.

        ``Minutes.model_validate(mapping)`` must not be a way around the domain
        rules (实到 ≤ 应到, quorum, deadlines…): called without a validation
        ``context`` on a kind's model, it runs :func:`docgen.load_data`, which
        raises :class:`~docgen.exceptions.DataError` (a ``ValueError``) listing
        every problem. The pipeline itself validates with a context and comes here.
        """
        kind = _kind_of(cls) if context is None and isinstance(obj, Mapping | BaseModel) else None
        if kind is not None:
            from docgen.data.api import load_data  # the pipeline sits above the models

            return cast(Self, load_data(obj, kind))
        return super().model_validate(
            obj,
            strict=strict,
            extra=extra,
            from_attributes=from_attributes,
            context=context,
            by_alias=by_alias,
            by_name=by_name,
        )


def field_context(config: DataConfig = DEFAULT_CONFIG) -> dict[str, Any]:
    """The validation context of the pipeline: ``model_validate(data, context=field_context())``
    checks fields against ``config`` only, without the domain rules (for code that runs
    the rules itself, or rebuilds a model already checked)."""
    return {"config": config}


def _kind_of(model: type[BaseModel]) -> str | None:
    """The kind whose document model is exactly ``model`` (row and part models have none)."""
    from docgen.data.kinds import KINDS

    return next((name for name, info in KINDS.items() if info.model is model), None)


def zh(
    label: str,
    *synonyms: str,
    default: Any = PydanticUndefined,
    factory: Callable[[], Any] | None = None,
    en: str | None = None,
    description: str = "",
) -> Any:
    """A field with Chinese alias ``label`` and extra accepted input keys ``synonyms``.

    ``en`` is the English key when it cannot be the attribute name (``for``).
    Without ``default``/``factory`` the field is required.
    """
    choices = [*([en] if en else []), label, *synonyms]
    extra: dict[str, JsonValue] = {"x-zh": label}
    if factory is not None:
        return Field(
            default_factory=factory,
            alias=label,
            validation_alias=AliasChoices(*choices),
            description=description,
            json_schema_extra=extra,
        )
    return Field(
        default,
        alias=label,
        validation_alias=AliasChoices(*choices),
        description=description,
        json_schema_extra=extra,
    )


def custom_error(code: str, zh_text: str, en_text: str) -> PydanticCustomError:
    """A pydantic error carrying both wordings (read back by the error mapper)."""
    return PydanticCustomError(code, "{en}", {"zh": zh_text, "en": en_text})


def active_config(info: ValidationInfo) -> DataConfig:
    """The config passed as validation context, or the defaults."""
    context = info.context
    if isinstance(context, dict):
        cfg = context.get("config")
        if isinstance(cfg, DataConfig):
            return cfg
    return DEFAULT_CONFIG


@dataclass(frozen=True)
class Vocab:
    """Check a text against the configurable list ``list_name`` and canonicalise it."""

    list_name: str
    label_zh: str
    label_en: str

    def __call__(self, value: str, info: ValidationInfo) -> str:
        cfg = active_config(info)
        found = cfg.canonical(self.list_name, value)
        if found is not None:
            return found
        allowed: list[str] = getattr(cfg, self.list_name)
        shown = "、".join(allowed)
        raise custom_error(
            "not_in_list",
            f"“{value}”不是可用的{self.label_zh}，可选：{shown}",
            f"{value!r} is not a known {self.label_en}; allowed: {', '.join(allowed)}",
        )


def vocab_of(info: FieldInfo) -> Vocab | None:
    """The configurable list a field (or the items of a list field) is checked against."""
    stack: list[object] = [info.annotation, *info.metadata]
    while stack:
        item = stack.pop()
        func = getattr(item, "func", None)
        if isinstance(func, Vocab):
            return func
        stack.extend(get_args(item))
        stack.extend(getattr(item, "__metadata__", ()))
    return None


def _vocab(list_name: str, label_zh: str, label_en: str) -> Any:
    return AfterValidator(Vocab(list_name, label_zh, label_en))


MeetingType = Annotated[str, _vocab("meeting_types", "会议类型", "meeting type")]
Category = Annotated[str, _vocab("rectification_categories", "问题类别", "problem category")]
Status = Annotated[str, _vocab("statuses", "整改状态", "rectification status")]
Mode = Annotated[str, _vocab("modes", "整改方式", "rectification mode")]
FixedAction = Annotated[str, _vocab("theme_day_fixed_actions", "规定动作", "fixed action")]
VoteMethod = Annotated[str, _vocab("vote_methods", "表决方式", "voting method")]
MemberStatus = Annotated[str, _vocab("member_statuses", "党员类别", "member status")]
AppraisalGrade = Annotated[str, _vocab("appraisal_grades", "评议等次", "appraisal grade")]
DuesCategory = Annotated[str, _vocab("dues_categories", "人员类别", "dues category")]

_TAG_SPLIT = re.compile(r"[\n、，,；;]+")


def _split_lines(value: object) -> object:
    if isinstance(value, str):
        return [line.strip() for line in value.splitlines() if line.strip()]
    return value


def _split_tags(value: object) -> object:
    if isinstance(value, str):
        return [part.strip() for part in _TAG_SPLIT.split(value) if part.strip()]
    return value


#: A list of paragraphs; one text is split at line breaks (an Excel cell).
StrList = Annotated[list[str], BeforeValidator(_split_lines)]
#: A list of short items; one text is split at line breaks and 、，,；;.
TagList = Annotated[list[str], BeforeValidator(_split_tags)]
#: Lists of enumerated values, split like :data:`TagList` when given as one text.
MeetingTypeList = Annotated[list[MeetingType], BeforeValidator(_split_tags)]
FixedActionList = Annotated[list[FixedAction], BeforeValidator(_split_tags)]


def _heading(value: str) -> str:
    if not value.strip():
        raise custom_error(
            "empty_heading",
            "不能为空。写上标题，或删去这一项（空标题会印成只有序号的一行）",
            "must not be empty: write a heading, or remove the item (it would print as a "
            "bare ordinal)",
        )
    return value


#: A heading's text: empty (or only space) is an error, not an empty heading.
HeadingText = Annotated[str, AfterValidator(_heading)]


_DATE_SCHEMA = {"type": "string", "format": "date", "examples": ["2026-11-21", "2026年11月21日"]}


def document_year(info: ValidationInfo) -> int | None:
    """The year of the document being validated (``year`` in the validation context)."""
    context = info.context
    year = context.get("year") if isinstance(context, dict) else None
    return year if isinstance(year, int) else None


def _yearless_error(value: object) -> PydanticCustomError:
    return custom_error(
        "date_without_year",
        f"日期“{value}”没有年份，本文件也没有填写年度；请写成 2026年{str(value).strip()}",
        f"date {value!r} has no year and the document gives none; write 2026年{value}",
    )


def _date_value(value: object, info: ValidationInfo) -> dt.date:
    day = in_year(value, document_year(info))
    if day is not None:
        return day
    if yearless(value):
        raise _yearless_error(value)
    return parse_date(value)


#: A calendar date in any accepted spelling (see :mod:`docgen.data.dates`); a day
#: without its year (``11月30日``) is taken in the document's own year.
DateValue = Annotated[
    dt.date,
    PlainValidator(_date_value),
    PlainSerializer(iso_text, when_used="json"),
    WithJsonSchema(_DATE_SCHEMA),
]
#: A date, or a date with a time of day (``2026-11-21 14:30``).
MomentValue = Annotated[
    dt.date,
    PlainValidator(parse_moment),
    PlainSerializer(iso_text, when_used="json"),
    WithJsonSchema({"type": "string", "examples": ["2026-11-21T14:30", "2026年11月21日 14:30"]}),
]


def _parse_deadline(value: object, info: ValidationInfo) -> dt.date | str:
    if isinstance(value, str) and active_config(info).canonical("ongoing_deadlines", value):
        return value
    if isinstance(value, str) and deadline_by(value) is not None:
        return value
    day = in_year(value, document_year(info))
    if day is not None:
        return day
    if yearless(value):
        raise _yearless_error(value)
    if isinstance(value, str | dt.date):
        try:
            return parse_date(value)
        except PydanticCustomError:
            pass
    words = "、".join(active_config(info).ongoing_deadlines)
    raise custom_error(
        "deadline_format",
        f"时限“{value}”无法识别：应为日期（如 2026-12-31、2026年12月底前）或“{words}”",
        f"deadline {value!r} is not a date (2026-12-31, 2026年12月底前) nor one of: {words}",
    )


#: A deadline: a date; a text such as 长期坚持 (``ongoing_deadlines``); or a text
#: naming the end of a period, kept as written (``2026年3月底前``, see ``deadline_by``).
Deadline = Annotated[
    dt.date | str,
    PlainValidator(_parse_deadline),
    PlainSerializer(iso_text, when_used="json"),
    WithJsonSchema({"type": "string", "examples": ["2026-12-31", "长期坚持"]}),
]

_MONTH = re.compile(r"\s*(\d{1,2})\s*月?(份)?\s*")


def _parse_month(value: object) -> object:
    if isinstance(value, str) and (match := _MONTH.fullmatch(value)):
        return int(match.group(1))
    return value


_YES = {"是": True, "有": True, "否": False, "无": False, "不": False}


def _yes_no(value: object) -> object:
    if isinstance(value, str) and value.strip() in _YES:
        return _YES[value.strip()]
    return value


#: A yes/no value; 是/否 and 有/无 are accepted besides true/false.
YesNo = Annotated[bool, BeforeValidator(_yes_no)]
#: A month number 1–12; ``3月`` and ``3月份`` are accepted.
Month = Annotated[int, BeforeValidator(_parse_month), Field(ge=1, le=12)]
_QUARTER = re.compile(r"(?:第)?([1-4一二三四])(?:季度|季)?")


def _parse_quarter(value: object) -> object:
    if isinstance(value, str) and (match := _QUARTER.fullmatch(value.strip())):
        return "一二三四".find(match.group(1)) + 1 or int(match.group(1))
    return value


#: A quarter number 1–4; ``第二季度``, ``二季度`` and ``2季度`` are accepted.
Quarter = Annotated[int, BeforeValidator(_parse_quarter), Field(ge=1, le=4)]
#: A count of people or votes.
Count = Annotated[int, Field(ge=0)]

__all__ = [
    "AppraisalGrade",
    "Category",
    "Count",
    "DateValue",
    "Deadline",
    "DocModel",
    "DuesCategory",
    "FixedAction",
    "FixedActionList",
    "HeadingText",
    "MeetingType",
    "MeetingTypeList",
    "MemberStatus",
    "Mode",
    "MomentValue",
    "Month",
    "Quarter",
    "Status",
    "StrList",
    "TagList",
    "Vocab",
    "VoteMethod",
    "YesNo",
    "active_config",
    "custom_error",
    "document_year",
    "zh",
]
