"""List numbering of merged documents: every document's lists start afresh.

Each document other than the master gets its own copy of every list it uses,
under fresh ``w:numId`` and ``w:abstractNumId`` values, so its lists restart at
1 and never continue or restyle another document's. ``w:nsid`` is dropped from
the copies: Word joins lists that share one. Paragraphs numbered through their
style get a direct ``w:numPr`` on the copied list, because the style itself may
be the master's and would otherwise continue the master's list.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from lxml import etree

from docgen.engine import ooxml
from docgen.merge.source import Source
from docgen.merge.xml import W_VAL, qn, serialize

_NUM = qn("w:num")
_ABSTRACT = qn("w:abstractNum")
_NUM_ID = qn("w:numId")
_ABSTRACT_ID = qn("w:abstractNumId")
CT_NUMBERING = "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"


@dataclass
class _Defs:
    """The lists one numbering part defines, by id."""

    nums: dict[str, etree._Element]
    abstracts: dict[str, etree._Element]


class NumberingMerger:
    """The master's numbering part, plus the copies made for the other documents."""

    def __init__(self, master: Source) -> None:
        self.master = master
        self.name = master.side_part("numbering")
        self._root: etree._Element | None = None
        self._defs: dict[str, _Defs] = {}
        self.abstracts: list[etree._Element] = []
        self.nums: list[etree._Element] = []
        self._next_num = 0
        self._next_abstract = 0

    def root(self) -> etree._Element:
        """The master's numbering tree (an empty one when it has none)."""
        if self._root is None:
            blob = self.master.side_bytes("numbering")
            if blob is not None:
                self._root = ooxml.parse(blob)
            else:
                self._root = etree.Element(qn("w:numbering"), nsmap={"w": ooxml.W})
            self._next_num = _max(self._root, _NUM, _NUM_ID)
            self._next_abstract = _max(self._root, _ABSTRACT, _ABSTRACT_ID)
        return self._root

    def lists_for(self, src: Source) -> PartLists | None:
        """Fresh list copies for ``src``; ``None`` for the master or a document without lists."""
        if src is self.master or src.side_part("numbering") is None:
            return None
        digest = src.digest("numbering")
        defs = self._defs.get(digest)
        if defs is None:
            tree = src.parse(src.side_part("numbering") or "")
            defs = self._defs[digest] = _Defs(
                {str(n.get(_NUM_ID)): n for n in tree.iter(_NUM)},
                {str(a.get(_ABSTRACT_ID)): a for a in tree.iter(_ABSTRACT)},
            )
        return PartLists(self, defs)

    def copy_list(self, defs: _Defs, old: str) -> str:
        """A fresh copy of list ``old`` (its num and abstract definition); the new numId."""
        self.root()
        num = defs.nums.get(old)
        ref = num.find(_ABSTRACT_ID) if num is not None else None
        abstract = defs.abstracts.get(str(ref.get(W_VAL))) if ref is not None else None
        if num is None or ref is None or abstract is None:
            return "0"  # Word shows a list it cannot find as no list; so do we
        self._next_abstract += 1
        new_abstract = copy.deepcopy(abstract)
        new_abstract.set(_ABSTRACT_ID, str(self._next_abstract))
        for child in list(new_abstract.iter(qn("w:nsid"), qn("w:lvlPicBulletId"))):
            parent = child.getparent()
            if parent is not None:
                parent.remove(child)
        self._next_num += 1
        new_num = copy.deepcopy(num)
        new_num.set(_NUM_ID, str(self._next_num))
        new_num.find(_ABSTRACT_ID).set(W_VAL, str(self._next_abstract))  # type: ignore[union-attr]
        self.abstracts.append(new_abstract)
        self.nums.append(new_num)
        return str(self._next_num)

    def output(self) -> bytes | None:
        """New bytes of the numbering part, when lists were copied into it."""
        if not self.nums:
            return None
        root = self.root()
        # The schema wants every abstractNum before the first num.
        nums = root.findall(_NUM)
        at = root.index(nums[0]) if nums else len(root)
        for offset, el in enumerate(self.abstracts):
            root.insert(at + offset, el)
        root.extend(self.nums)
        self.abstracts, self.nums = [], []
        return serialize(root)


@dataclass
class PartLists:
    """One document's list copies, made as its ``numId`` references are met."""

    merger: NumberingMerger
    defs: _Defs
    mapping: dict[str, str] = field(default_factory=dict)

    def new_id(self, old: str) -> str:
        """The merged package's numId for this document's list ``old``."""
        if old == "0":
            return old
        found = self.mapping.get(old)
        if found is None:
            found = self.mapping[old] = self.merger.copy_list(self.defs, old)
        return found

    def renumber(self, root: etree._Element) -> None:
        """Point every ``w:numId`` under ``root`` at this document's copies."""
        for el in root.iter(_NUM_ID):
            el.set(W_VAL, self.new_id(str(el.get(W_VAL, "0"))))


def style_lists(styles: etree._Element | None) -> dict[str, tuple[str, str]]:
    """``styleId → (numId, ilvl)`` for paragraph styles numbered directly or by inheritance."""
    if styles is None:
        return {}
    own: dict[str, tuple[str | None, str | None]] = {}
    parents: dict[str, str] = {}
    for style in styles.iter(qn("w:style")):
        sid = str(style.get(qn("w:styleId")))
        num_pr = style.find(f"{qn('w:pPr')}/{qn('w:numPr')}")
        if num_pr is not None:
            num = num_pr.find(_NUM_ID)
            lvl = num_pr.find(qn("w:ilvl"))
            own[sid] = (
                str(num.get(W_VAL)) if num is not None else None,
                str(lvl.get(W_VAL)) if lvl is not None else None,
            )
        based = style.find(qn("w:basedOn"))
        if based is not None:
            parents[sid] = str(based.get(W_VAL))
    found: dict[str, tuple[str, str]] = {}
    for sid in {*own, *parents}:
        num_id: str | None = None
        level: str | None = None
        seen: set[str] = set()
        cur: str | None = sid
        while cur is not None and cur not in seen:
            seen.add(cur)
            mine = own.get(cur, (None, None))
            num_id = num_id or mine[0]
            level = level or mine[1]
            cur = parents.get(cur)
        if num_id not in (None, "0"):
            found[sid] = (str(num_id), level or "0")
    return found


def _max(root: etree._Element, tag: str, attr: str) -> int:
    values = [str(el.get(attr, "")) for el in root.iter(tag)]
    return max((int(v) for v in values if v.isdigit()), default=0)
