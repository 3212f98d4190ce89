"""One YAML file with 10 different errors yields all 10, each on its own line."""

from __future__ import annotations

from docgen.data import validate_files
from tests.data.conftest import INVALID

EXPECTED = [
    (7, "unknown_field", "meeting_place"),
    (9, "not_a_member", "recorder.name"),
    (12, "present_exceeds_due", "attendance.present"),
    (14, "vote_quorum", "attendance.present_voting"),
    (15, "list_type", "attendance.observers"),
    (17, "not_in_list", "votes[0].method"),
    (18, "vote_not_passed", "votes[1].passed"),
    (19, "int_parsing", "votes[2].for"),
    (20, "duplicate_key", "location"),
    (22, "date_format", "follow_up[0].due"),
]


def test_all_ten_errors_with_lines() -> None:
    """Type errors, roster checks and vote rules all come out in one pass."""
    problems = validate_files([INVALID / "ten_errors.yaml"])
    got = [(p.location.line, p.code, p.field_path) for p in problems]
    assert got == EXPECTED
    assert len({code for _, code, _ in got}) == 10
    assert all(p.severity == "error" for p in problems)


def test_source_lines_hold_the_named_fields() -> None:
    """Each reported line really mentions the field it blames (the line numbers are honest)."""
    lines = (INVALID / "ten_errors.yaml").read_text(encoding="utf-8").splitlines()
    for line, _code, field in EXPECTED:
        key = field.rsplit(".", 1)[-1].split("[")[0]
        assert key in lines[line - 1], (line, field)
