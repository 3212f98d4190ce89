"""Finding the branch a document refers to, and filling counts from its roster.

A document names its branch by id (``branch: xxgc-jg1``) or by full name. The
roster is looked up, in order: the document's ``branch_file`` (relative to the
document); branch files validated alongside (:class:`BranchRegistry`); a file
``<id>.yaml`` (or ``.yml``/``.json``/``.toml``) in the document's folder or in a
``branches/`` folder of the document's folder or of one of its parents (a session for
data from strangers, such as the web service's, turns that search off).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

from docgen.data.models import Branch, BranchLinked, Member, Minutes, OrgLifeMeeting
from docgen.data.rules.base import Finding
from docgen.data.rules.meetings import GENERAL_MEETING, more_than_half

_ID = re.compile(r"[A-Za-z0-9_.-]+")
_SUFFIXES = (".yaml", ".yml", ".json", ".toml")
_SEARCH_DEPTH = 6

#: Loads a branch file; returns the branch, or ``None`` when the file is invalid.
BranchLoader = Callable[[Path], Branch | None]


class BranchRegistry:
    """Branches known by id and by name, plus lookup of branch files on disk."""

    def __init__(self, loader: BranchLoader, *, search: bool = True) -> None:
        self._loader = loader
        self._search = search
        self._by_key: dict[str, Branch] = {}
        self._files: dict[Path, Branch | None] = {}

    def add(self, branch: Branch) -> None:
        """Make ``branch`` findable by its id, full name and short name."""
        for key in (branch.id, branch.name, branch.short_name):
            if key:
                self._by_key.setdefault(key, branch)

    def load_file(self, path: Path) -> Branch | None:
        """The branch in ``path`` (loaded once), or ``None`` if it is invalid."""
        key = path.resolve()
        if key not in self._files:
            branch = self._loader(path)
            if branch is not None:
                self.add(branch)
            self._files[key] = branch
        return self._files[key]

    def resolve(
        self, doc: BranchLinked, doc_path: Path | None
    ) -> tuple[Branch | None, list[Finding]]:
        """The roster of ``doc``'s branch, and findings when it was named but not found."""
        ref: str | None = getattr(doc, "branch", None)
        file: str | None = getattr(doc, "branch_file", None)
        base = doc_path.parent if doc_path is not None else Path.cwd()
        if file:
            target = base / file
            found = self.load_file(target) if target.is_file() else None
            if found is None:
                return None, [_not_found_file(file)]
            return found, []
        if not ref:
            return None, []
        if ref in self._by_key:
            return self._by_key[ref], []
        for candidate in _candidates(ref, base) if self._search else ():
            found = self.load_file(candidate)
            if found is not None and ref in (found.id, found.name, found.short_name):
                return found, []
        return None, ([_not_found_id(ref)] if _ID.fullmatch(ref) else [])


def _candidates(ref: str, start: Path) -> Iterator[Path]:
    if not _ID.fullmatch(ref):
        return
    folder = start.resolve()
    for _ in range(_SEARCH_DEPTH):
        for place in (folder, folder / "branches"):
            for suffix in _SUFFIXES:
                if (place / f"{ref}{suffix}").is_file():
                    yield place / f"{ref}{suffix}"
        if folder.parent == folder:
            return
        folder = folder.parent


def _not_found_file(file: str) -> Finding:
    return Finding(
        "branch_file_invalid",
        f"支部文件“{file}”不存在或有误，未能核对主持人、记录人和人数",
        f"branch file {file!r} is missing or invalid; host, recorder and counts not checked",
        ("branch_file",),
    )


def _not_found_id(ref: str) -> Finding:
    return Finding(
        "branch_not_found",
        f"找不到编号为“{ref}”的支部名册（可用 branch_file 指定），未能核对主持人、记录人和人数",
        f"no roster found for branch {ref!r} (name it with branch_file); host, recorder "
        "and counts not checked",
        ("branch",),
        "warning",
    )


def expected_members(doc: Minutes | OrgLifeMeeting, branch: Branch) -> list[Member] | None:
    """The members a meeting is due for, as on its 签到表; ``None`` for a 支委会 whose
    committee is not listed.

    A 支委会 is due for the committee (each member with the roster's entry for the
    name, so 正式/预备 is known); a 党小组会 of ``party_group`` for that group; any other
    meeting for the whole branch.
    """
    meeting = doc.meeting_type if isinstance(doc, Minutes) else "组织生活会"
    if meeting == "支委会":
        if not branch.committee:
            return None
        known = {m.name: m for m in branch.members}
        return [known.get(c.name) or Member(name=c.name) for c in branch.committee]
    if isinstance(doc, Minutes) and meeting == "党小组会" and doc.party_group:
        return branch.group_members(doc.party_group)
    return list(branch.members)


def derive_counts(doc: BranchLinked, branch: Branch) -> None:
    """Fill ``attendance.due`` and ``due_voting`` from the roster where they are missing
    (the members of :func:`expected_members`; a 支委会 has no ``due_voting``)."""
    if not isinstance(doc, Minutes | OrgLifeMeeting):
        return
    members = expected_members(doc, branch)
    committee = isinstance(doc, Minutes) and doc.meeting_type == "支委会"
    due = len(members) if members is not None else None
    voting = None if committee or members is None else sum(1 for m in members if m.status != "预备")
    att = doc.attendance
    if att.due is None:
        att.due = due
    if att.due_voting is None and voting is not None:
        att.due_voting = voting


def decide_votes(doc: BranchLinked) -> None:
    """Set ``passed`` of votes left to ``auto`` from the numbers (第十一条)."""
    if not isinstance(doc, Minutes):
        return
    att = doc.attendance
    base = att.due_voting if doc.meeting_type == GENERAL_MEETING else att.due
    if base is None:
        return
    for vote in doc.votes:
        if vote.passed is None:
            vote.passed = more_than_half(vote.for_, base)


__all__ = [
    "BranchLoader",
    "BranchRegistry",
    "decide_votes",
    "derive_counts",
    "expected_members",
]
