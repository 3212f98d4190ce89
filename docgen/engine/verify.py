"""Integrity checks of a rendered package: parts parse, ids are unique, links resolve.

The render proves most of this by construction; these checks are the
independent second opinion. ``check=True`` (and every render whose parts the
compiler could not all prove) parses each XML part the proof does not cover
(:func:`check_unproven`); ``check="full"`` and the test suite parse them all.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Callable, Mapping
from pathlib import PurePosixPath
from typing import Literal, TypeAlias

from lxml import etree

from docgen.engine import ooxml
from docgen.engine.package import rels_name
from docgen.engine.richtext import PARAGRAPH_BREAK
from docgen.engine.unzip import read_members
from docgen.exceptions import Location, Problem

#: What a render's ``check`` asks for: ``False`` (only what the proof leaves open, and only
#: when something is), ``True`` (parse every part the proof does not cover) or ``"full"``
#: (parse every part, proven or not).
Check: TypeAlias = bool | Literal["full"]

#: A proven part this large is parsed all the same. The proof bounds the structure, not
#: the size of one value, and the hardened parser (no ``huge_tree``) refuses a text node or
#: attribute of more than 10,000,000 bytes (libxml2's XML_MAX_TEXT_LENGTH): a part under
#: this size cannot hold one, so it parses exactly when the proof says it does.
PROOF_SIZE_LIMIT = 8_000_000

#: Rewrites of a rendered part that parse it with the hardened parser and write the tree
#: back out with lxml, so that what they return is well formed (see :func:`rewrites_tree`).
_TREE_REWRITES: set[Callable[[bytes], bytes]] = set()

_ID_KINDS = (
    ("wp:docPr", "id", "duplicate_docpr_id", "图形 id"),
    ("w:bookmarkStart", "w:id", "duplicate_bookmark_id", "书签 id"),
)


def check_parts(parts: dict[str, bytes]) -> list[Problem]:
    """Every XML part in ``parts`` parses (with the hardened parser)."""
    problems: list[Problem] = []
    for name, blob in sorted(parts.items()):
        if not (name.endswith(".xml") or name.endswith(".rels")):
            continue
        try:
            ooxml.parse(blob)
        except etree.XMLSyntaxError as err:
            problems.append(
                Problem(
                    "part_not_well_formed",
                    f"部件无法解析：{err}",
                    f"part does not parse: {err}",
                    Location(part=name),
                )
            )
    return problems


def rewrites_tree(step: Callable[[bytes], bytes]) -> Callable[[bytes], bytes]:
    """Mark ``step`` (a rewrite of a rendered part) as one that parses its input with
    :func:`ooxml.parse` — the parser :func:`check_parts` uses, so input that would fail the
    check fails there — and returns ``etree.tostring`` of the tree: what it returns is well
    formed, and ``check=True`` does not parse it again."""
    _TREE_REWRITES.add(step)
    return step


def keeps_proof(step: Callable[[bytes], bytes]) -> bool:
    """Whether ``step`` was marked with :func:`rewrites_tree`."""
    return step in _TREE_REWRITES


def check_unproven(parts: dict[str, bytes], sound: Mapping[str, bytes]) -> list[Problem]:
    """:func:`check_parts` for every part except those known well formed by construction.

    ``sound`` maps a part to the very bytes object that is proven well formed (a proven
    part as its template rendered it, a compile-time part parsed once when compiling); a
    part whose bytes anything replaced since (a rich value's finisher, a watermark, an
    edit of the package) is another object and is parsed.
    """
    return check_parts({name: blob for name, blob in parts.items() if sound.get(name) is not blob})


#: Where a run value's paragraph break stood: a processing instruction, which the parser
#: takes anywhere, so only where it stands tells whether writing the break out is sound.
_BREAK_PI = "<?dg-break?>"


def unsound_fragments(
    fragments: list[tuple[str, str, str]], namespaces: Mapping[str, str]
) -> set[str]:
    """The parts of ``fragments`` (part, kind, XML a run or paragraph value placed) not
    proven sound.

    A fragment is sound when it parses on its own as content of an element that declares
    exactly the namespaces the part's root declares, and, in a run value, every paragraph
    break (``\\x07``, which the value writer turns into "close paragraph, open paragraph")
    stands at its top level, between whole elements (a paragraph value's ``\\x07`` is
    written as it is: a character XML cannot hold). The value writer places a fragment
    between the closing and reopening strings compiled from the tag's place — those the
    proof already vouches for when plain text breaks a paragraph — so a sound fragment
    leaves a proven part well formed. A part with a fragment not proven so is parsed
    whole, which decides exactly as a full check would.
    """
    unsound: set[str] = set()
    for part, kind, xml in fragments:
        if part in unsound:
            continue
        content = xml.replace(PARAGRAPH_BREAK, _BREAK_PI) if kind == "run" else xml
        wrapped = f"<dg-fragment {namespaces.get(part, '')}>{content}</dg-fragment>"
        try:
            root = ooxml.parse(wrapped.encode("utf-8"))
        except (etree.XMLSyntaxError, UnicodeEncodeError):
            unsound.add(part)
            continue
        breaks = [
            pi
            for pi in root.iter(etree.ProcessingInstruction)
            if isinstance(pi, etree._ProcessingInstruction) and pi.target == "dg-break"
        ]
        if any(pi.getparent() is not root for pi in breaks):
            unsound.add(part)
    return unsound


def namespace_declarations(root: etree._Element) -> str:
    """The ``xmlns`` attributes declaring ``root``'s namespaces (for :func:`unsound_fragments`)."""
    return " ".join(
        f'xmlns{":" + prefix if prefix else ""}="{ooxml.escape_attr(uri)}"'
        for prefix, uri in root.nsmap.items()
    )


def verify_package(blob: bytes, source: str = "<docx>") -> list[Problem]:
    """All integrity checks on a finished .docx; an empty list means it is sound.

    Damage is reported, never raised: a file that is no zip, a bad CRC, a member
    that lies about its size, duplicate names, a DTD, XML that does not parse.
    """
    try:
        infos = zipfile.ZipFile(io.BytesIO(blob)).infolist()
    except (zipfile.BadZipFile, ValueError, EOFError) as err:
        return [Problem("not_a_zip", f"不是有效的 zip 文件：{err}", f"not a valid zip file: {err}",
                        Location(file=source))]  # fmt: skip
    members, problems = read_members(source, blob, infos)
    if problems:
        return problems
    trees = {m.name: m.tree for m in members if m.tree is not None}
    problems.extend(_unique_ids(trees))
    problems.extend(check_relationships(trees, {m.name for m in members}))
    problems.extend(check_references(trees))
    return problems


def check_references(trees: dict[str, etree._Element]) -> list[Problem]:
    """Every ``r:id``/``r:embed``/``r:link`` in a Word part names one of its relationships.

    A dangling id (a hyperlink written with an id nobody created) opens in
    Word as "unreadable content"; the relationship targets being sound is not
    enough to catch it.
    """
    problems: list[Problem] = []
    prefix = f"{{{ooxml.R}}}"
    for name, tree in sorted(trees.items()):
        if not name.startswith("word/") or name.endswith(".rels"):
            continue
        rels = trees.get(rels_name(name))
        known = {rel.get("Id") for rel in rels} if rels is not None else set()
        missing = sorted(
            {
                value
                for el in tree.iter(etree.Element)
                for key, value in el.attrib.items()
                if str(key).startswith(prefix) and value and str(value) not in known
            }
        )
        problems.extend(
            Problem(
                "dangling_reference",
                f"{name} 引用了不存在的关系 {rid}",
                f"{name} refers to relationship {rid}, which does not exist",
                Location(part=name),
            )
            for rid in map(str, missing)
        )
    return problems


def _unique_ids(trees: dict[str, etree._Element]) -> list[Problem]:
    problems: list[Problem] = []
    story = {n: t for n, t in trees.items() if n.startswith("word/") and not n.endswith(".rels")}
    for tag, attr, code, label in _ID_KINDS:
        counts = Counter(
            el.get(ooxml.qn(attr) if ":" in attr else attr)
            for tree in story.values()
            for el in tree.iter(ooxml.qn(tag))
        )
        for value, count in sorted(counts.items(), key=lambda kv: str(kv[0])):
            if count > 1:
                problems.append(
                    Problem(
                        code,
                        f"{label} {value} 重复了 {count} 次",
                        f"{tag} id {value} occurs {count} times",
                    )
                )
    notes = trees.get("word/footnotes.xml")
    if notes is not None:
        counts = Counter(el.get(ooxml.qn("w:id")) for el in notes.iter(ooxml.qn("w:footnote")))
        for value, count in counts.items():
            if count > 1:
                problems.append(
                    Problem(
                        "duplicate_footnote_id",
                        f"脚注 id {value} 重复",
                        f"footnote id {value} is duplicated",
                    )
                )
    return problems


def check_relationships(trees: dict[str, etree._Element], names: set[str]) -> list[Problem]:
    """Every internal relationship in the ``.rels`` trees points at a member in ``names``."""
    problems: list[Problem] = []
    for name, tree in trees.items():
        if not name.endswith(".rels"):
            continue
        source_dir = PurePosixPath(name).parent.parent
        ids = Counter(rel.get("Id") for rel in tree)
        problems.extend(
            Problem("duplicate_relationship_id", f"关系 id {rid} 重复了 {count} 次",
                    f"relationship id {rid} occurs {count} times", Location(part=name))
            for rid, count in sorted(ids.items(), key=lambda kv: str(kv[0])) if count > 1
        )  # fmt: skip
        for rel in tree:
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            resolved = _resolve(source_dir, target)
            if resolved not in names:
                problems.append(
                    Problem(
                        "broken_relationship",
                        f"关系 {rel.get('Id')} 指向不存在的部件 {target}",
                        f"relationship {rel.get('Id')} points at missing part {target}",
                        Location(part=name),
                    )
                )
    return problems


def _resolve(source_dir: PurePosixPath, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    parts: list[str] = []
    for piece in (source_dir / target).parts:
        if piece == "..":
            if parts:
                parts.pop()
        elif piece not in (".", ""):
            parts.append(piece)
    return "/".join(parts)
