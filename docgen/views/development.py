"""The 发展党员 view: a :class:`Development` roster as the context of its documents.

Each candidate becomes ``people[i]``: identity as printed text, the stage and standing,
and the 全程纪实表 rows (:mod:`docgen.views.development_record`). The roster-wide parts
are the 公示 (:mod:`docgen.views.development_notice`), the 支部大会 决议
(:mod:`docgen.views.development_meeting`) and the sign-off. Every value is finished text:
a step not reached is an empty cell, never ``None``.
"""

from __future__ import annotations

from typing import Any

from docgen.data.models.development import STAGES, Candidate, Development
from docgen.views.common import (
    branch_name,
    committee_name,
    date_text,
    list_text,
    sealed,
    sentence,
    signoff,
)
from docgen.views.development_assembly import assembly_context
from docgen.views.development_ballot import ballot_context, tally_rows, vote_ballots
from docgen.views.development_committee import committee_record_context
from docgen.views.development_files import archive_view, talk_view
from docgen.views.development_meeting import resolution_context
from docgen.views.development_notice import notice_context
from docgen.views.development_record import record_stages
from docgen.views.development_reports import approval_context, filing_context, prereview_context
from docgen.views.development_review import inquiry_view, review_view
from docgen.views.development_rosters import rosters_context
from docgen.views.development_script import script_context

KIND = "development"


def context(model: Development) -> dict[str, Any]:
    """The template context: the roster's fields, ``people``, ``notice``, ``resolution``."""
    branch = branch_name(model)
    sign = model.signoff
    org = (sign.org if sign and sign.org else None) or branch
    people = [person_view(p, model, branch) for p in model.candidates]
    return {
        **model.model_dump(mode="python", exclude={"candidates", "signoff"}),
        "branch": branch,
        "committee": committee_name(branch),
        "superior": model.superior or "",
        "contact": model.contact or "",
        "people": people,
        # Those who are or were 发展对象: the 政审 papers are theirs.
        "prospects": [v for v, p in zip(people, model.candidates, strict=True) if p.stage >= 3],
        "notice": notice_context(model, branch),
        "resolution": resolution_context(model, branch),
        "ballot": ballot_context(model),
        "vote_ballots": vote_ballots(model),
        "vote_tally": tally_rows(model),
        "script": script_context(model),
        "rosters": rosters_context(model, branch),
        "filing": filing_context(model, branch),
        "prereview": prereview_context(model, branch),
        "approval": approval_context(model, branch),
        # The 支委会 record's keys are the minutes view's (see development_committee).
        **committee_record_context(model),
        # The 支部大会 record's, under ``assembly`` (see development_assembly).
        **assembly_context(model, branch),
        "signoff": signoff(
            org, sign.date if sign else None, sign.show if sign else None, sealed=sealed(sign)
        ),
    }


def person_view(person: Candidate, model: Development, branch: str = "") -> dict[str, Any]:
    """One candidate: identity text, stage, standing and the record's rows by stage."""
    return {
        "name": person.name,
        "gender": person.gender or "",
        "ethnicity": person.ethnicity or "",
        "birth_text": date_text(person.birth),
        "education": person.education or "",
        "unit": person.unit or "",
        "applied_text": date_text(person.applied),
        "stage": person.stage,
        "stage_name": STAGES[person.stage],
        "standing": person.standing,
        "introducers_text": list_text(person.introducers, empty=""),
        "contacts_text": list_text(person.contacts, empty=""),
        "stages": record_stages(person, model),
        "note": sentence(person.note or ""),
        "talk": talk_view(person),
        "archive": archive_view(person),
        "review": review_view(person, model, branch),
        "inquiry": inquiry_view(person, model, branch),
    }


__all__ = ["KIND", "context", "person_view"]
