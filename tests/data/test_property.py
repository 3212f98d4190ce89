"""Property: arbitrary text in every free-text field loads, validates and dumps without loss."""

from __future__ import annotations

import tempfile
import typing
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from docgen.data import load_result
from docgen.data.kinds import KINDS
from docgen.data.shapes import shape_of
from docgen.data.starters import STARTERS
from docgen.data.writer import dump_json, dump_yaml

#: Fields that are references or constants, not free text.
SKIP = {
    "kind", "branch", "branch_file", "roster_file", "tally_file", "sign_in_file", "appraisal_file"
}
#: Rule findings that only say names disagree (every name becomes the same text).
NAME_RULES = {
    "duplicate_member",
    "officer_not_member",
    "unknown_party_group",
    "branch_not_found",
    "dues_reduction_not_less",  # a 少交 then lands on whichever member bears the name
    "appraisal_duplicate_member",
    "appraisal_unknown_member",
    "appraisal_not_counted",
}
#: Rule findings that say a required text was left blank.
BLANK_RULES = {"empty_heading", "dues_reduction_unapproved"}
TEXT = st.text(st.characters(codec="utf-8"), max_size=24)


def _is_plain(annotation: object, wanted: object) -> bool:
    """``str``/``list[str]`` without a vocabulary check (Optional allowed)."""
    if typing.get_origin(annotation) in (typing.Union, __import__("types").UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return len(args) == 1 and _is_plain(args[0], wanted)
    return annotation == wanted


def _fill(model: BaseModel, text: str) -> None:
    """Put ``text`` into every free-text field of ``model``, recursively."""
    for name, info in type(model).model_fields.items():
        value = getattr(model, name)
        if name in SKIP or _has_vocab(info):
            pass
        elif _is_plain(info.annotation, str):
            setattr(model, name, text)
        elif _is_plain(info.annotation, list[str]):
            setattr(model, name, [text, text])
        if shape_of(info.annotation).model is not None:
            for child in value if isinstance(value, list) else [value]:
                if isinstance(child, BaseModel):
                    _fill(child, text)


def _has_vocab(info: Any) -> bool:
    return "Vocab" in repr(info.annotation) or "Vocab" in repr(info.metadata)


def _check(kind: str, text: str) -> None:
    model = KINDS[kind].model.model_validate(STARTERS[kind])
    _fill(model, text)
    with tempfile.TemporaryDirectory() as folder:
        for name, dumped in (("a.yaml", dump_yaml(model)), ("a.json", dump_json(model))):
            path = Path(folder) / name
            path.write_text(dumped, encoding="utf-8")
            result = load_result(path)
            codes = {p.code for p in result.errors}
            if codes & BLANK_RULES:
                # A heading left blank is refused (it would print a bare 一、), so is a
                # reduction whose 批准党委 is blank; any other text, blank or not, comes
                # back as typed.
                assert not text.strip(), result.problems
                assert codes - BLANK_RULES <= NAME_RULES, result.problems
                continue
            assert codes <= NAME_RULES, result.problems
            assert result.model == model


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(STARTERS)), text=TEXT)
def test_any_text_survives(kind: str, text: str) -> None:
    """Whatever text a secretary types comes back identical through YAML and JSON."""
    _check(kind, text)


def test_tricky_texts_survive() -> None:
    """Texts that YAML would otherwise read as other types or fold stay text."""
    for text in [
        "",
        "null",
        "yes",
        "2026-11-21",
        "123",
        "  lead",
        "a: b",
        "# x",
        "- x",
        "\n\t\r\x85\u2028",
        "\x85",
        "\u2029x",
        "'\"",
        "\u3000",  # a full-width space alone or last: no IME separator to repair
        "0\u3000",
    ]:
        for kind in STARTERS:
            _check(kind, text)
