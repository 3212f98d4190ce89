"""Keep the paragraph that prints last with what follows it (``w:keepNext``).

A sign-off, a signature line, a 附件说明 or a speech's closing words must never stand
alone at the top of a page (GB/T 9704 §7.3.5): the body line before them goes along.
Which paragraph prints last before them is only known at render time — it may sit in a
loop, in a loop in a loop, or in a branch that the data leaves out — so the template
carries the rule in Jinja:

- a paragraph inside loops is written twice, under ``{%p if loop.last and … %}`` kept and
  under ``{%p else %}`` as it was, so only the very last repetition is kept (keeping every
  repetition would chain the whole loop together); each outer loop records its own
  ``loop.last`` in a variable the inner test reads, since Jinja's ``loop`` names only the
  innermost one;
- every branch of an ``if`` is followed down to its last paragraph; an ``if`` without an
  ``else`` may print nothing, so the paragraph before it is kept too, under
  ``{%p if not <that condition> %}`` (set as a flag before it): exactly one paragraph is
  kept whatever the data leaves out, up to five optional blocks back.

Loops are taken to print at least once (templates guard empty lists with ``when``).
"""

from __future__ import annotations

import html
import itertools
import re
from dataclasses import dataclass, field

from docgen.style import styles as st
from docgen.style.wml import control

_KEEP_TAG = "<w:keepNext/>"
_STYLE_END = '"/>'


@dataclass
class _Mark:
    #: Indices of the loop openers around the paragraph, outermost first.
    loops: tuple[int, ...]
    #: Flag names that must all be false (the optional blocks after it printed nothing).
    unless: tuple[str, ...]


@dataclass
class _Walk:
    parts: list[str]
    marks: dict[int, _Mark] = field(default_factory=dict)
    #: ``(index, control)``: a ``{%p set %}`` to insert before ``parts[index]``.
    flags: list[tuple[int, str]] = field(default_factory=list)
    names: itertools.count[int] = field(default_factory=itertools.count)
    #: How many optional blocks one walk looks behind: the sign-off's paragraph before is
    #: found when up to five sections before it are left out, without writing a flag for
    #: every section of the document.
    skips: int = 5

    def last_of(self, lo: int, hi: int, loops: tuple[int, ...], unless: tuple[str, ...]) -> bool:
        """Mark the paragraph printing last among ``parts[lo:hi]``; True when one surely
        prints (False: the range may print nothing)."""
        i = hi - 1
        skipped: list[str] = []  # conditions of optional blocks walked over at this level
        while i >= lo:
            part = self.parts[i]
            if _is(part, "set"):
                i -= 1
                continue
            if _is(part, "endif") and self._is_wrap(i):
                return True  # already kept by an earlier walk
            if _is(part, "endfor") or _is(part, "endif") or _is_paragraph(part):
                start = self._opener(i) if "{%p " in part else i
                here = (*unless, *self._flags_before(start, skipped))
                if _is(part, "endfor"):
                    self.last_of(start + 1, i, (*loops, start), here)
                    return True  # loops are taken to print at least once
                if _is_paragraph(part):
                    self.marks[i] = _Mark(loops, here)
                    return True
                elses = self._elses(start, i)
                bounds = [start, *elses, i]
                found = [self.last_of(a + 1, b, loops, here) for a, b in itertools.pairwise(bounds)]
                if elses:
                    return True  # one branch prints (an empty one is not looked behind)
                if not found[0]:
                    return False
                if self.skips == 0:
                    return True  # looking further back would chain half the document
                self.skips -= 1
                skipped.append(_condition(self.parts[start]))
                i = start - 1
                continue
            # An opener or else (the range ends), a table or a section break.
            return "{%p " not in part
        return False

    def _flags_before(self, index: int, conditions: list[str]) -> list[str]:
        names = []
        for condition in conditions:
            name = f"keep_unless_{next(self.names)}"
            self.flags.append((index, control(f"{{%p set {name} = ({condition}) %}}", st.BODY)))
            names.append(name)
        return names

    def _is_wrap(self, end: int) -> bool:
        """``parts[end]`` closes a kept/plain pair this module wrote."""
        return (
            end >= 4
            and _is(self.parts[end - 2], "else")
            and _is(self.parts[end - 4], "if")
            and self.parts[end - 3] == _kept(self.parts[end - 1])
            and self.parts[end - 3] != self.parts[end - 1]
        )

    def _opener(self, end: int) -> int:
        depth = 0
        for i in range(end - 1, -1, -1):
            part = self.parts[i]
            if _is(part, "endfor") or _is(part, "endif"):
                depth += 1
            elif _is(part, "for") or _is(part, "if"):
                if depth == 0:
                    return i
                depth -= 1
        raise ValueError("unbalanced {%p %} controls in the template body")

    def _elses(self, start: int, end: int) -> list[int]:
        depth = 0
        elses = []
        for i in range(start + 1, end):
            part = self.parts[i]
            if _is(part, "for") or _is(part, "if"):
                depth += 1
            elif _is(part, "endfor") or _is(part, "endif"):
                depth -= 1
            elif depth == 0 and (_is(part, "else") or _is(part, "elif")):
                elses.append(i)
        return elses


_CONDITION = re.compile(r"\{%p if (.*?) %\}")


def _condition(opener: str) -> str:
    match = _CONDITION.search(opener)
    if match is None:  # pragma: no cover - openers are written by the emitter
        raise ValueError(f"not an if opener: {opener[:80]}")
    return html.unescape(match.group(1))


def _is_paragraph(part: str) -> bool:
    return part.startswith("<w:p>") and "<w:sectPr" not in part and "{%p " not in part


def _is(part: str, tag: str) -> bool:
    return f"{{%p {tag} " in part or f"{{%p {tag}%}}" in part


def keep_last_with_next(parts: list[str]) -> None:
    """Keep the paragraph printed last in ``parts`` with the next one (edits in place)."""
    used = [int(n) for n in re.findall(r"keep_(?:unless|last)_(\d+)", "".join(parts))]
    walk = _Walk(parts, names=itertools.count(max(used, default=-1) + 1))
    walk.last_of(0, len(parts), (), ())
    # (index, order, new parts): replacements at an index before insertions in front of it,
    # applied from the end so the indices still to be edited stay valid.
    edits: list[tuple[int, int, list[str]]] = [(i, 1, [flag]) for i, flag in walk.flags]
    loop_names: dict[int, str] = {}
    for index, mark in walk.marks.items():
        kept = _kept(parts[index])
        outer = []
        for opener in mark.loops[:-1]:
            if opener not in loop_names:
                loop_names[opener] = f"keep_last_{next(walk.names)}"
                flag = control(f"{{%p set {loop_names[opener]} = loop.last %}}", st.BODY)
                edits.append((opener + 1, 1, [flag]))
            outer.append(loop_names[opener])
        tests = (["loop.last"] if mark.loops else []) + outer + [f"not {n}" for n in mark.unless]
        if not tests:
            edits.append((index, 0, [kept]))
            continue
        wrap = [
            control(f"{{%p if {' and '.join(tests)} %}}", st.BODY),
            kept,
            control("{%p else %}", st.BODY),
            parts[index],
            control("{%p endif %}", st.BODY),
        ]
        edits.append((index, 0, wrap))
    for index, order, new in sorted(edits, key=lambda e: (e[0], -e[1]), reverse=True):
        parts[index : index + (1 - order)] = new


def _kept(paragraph: str) -> str:
    """``paragraph`` with ``w:keepNext`` right after its style (schema order in w:pPr)."""
    if _KEEP_TAG in paragraph:
        return paragraph
    head, sep, rest = paragraph.partition("<w:pStyle ")
    if not sep:
        return paragraph.replace("<w:pPr>", "<w:pPr>" + _KEEP_TAG, 1)
    style, end, tail = rest.partition(_STYLE_END)
    return f"{head}{sep}{style}{end}{_KEEP_TAG}{tail}"


__all__ = ["keep_last_with_next"]
