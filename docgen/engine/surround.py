"""The XML that closes and reopens runs and paragraphs around an insertion point."""

from __future__ import annotations

import copy
import re

from lxml import etree

from docgen.engine.ooxml import ancestor, end_tag, prefixed, qn, start_tag, to_string

_W_P = qn("w:p")
_W_R = qn("w:r")
_W_PPR = qn("w:pPr")
_W_RPR = qn("w:rPr")
_W_SECTPR = qn("w:sectPr")
_NS_DECL = re.compile(r' xmlns:(\w+)="([^"]*)"')


def surroundings(near: etree._Element, level: str) -> dict[str, str]:
    """Close/open strings and properties for a value inserted at ``near``.

    ``near`` is the ``w:t`` for an inline tag, the run for ``{{r``, and the
    paragraph for ``{{p``.
    """
    if level not in ("text", "run", "para"):
        return {}
    paragraph = near if near.tag == _W_P else ancestor(near, _W_P)
    if paragraph is None:
        return {}
    run = near.getparent() if level == "text" else near
    if level == "para":
        run = next(paragraph.iter(_W_R), None)
    ppr = _props(paragraph.find(_W_PPR), paragraph)
    rpr = _props(run.find(_W_RPR) if run is not None else None, paragraph)
    p_name = prefixed(paragraph)
    r_name = prefixed(paragraph, _W_R)
    t_name = prefixed(paragraph, qn("w:t"))
    t_open = f'<{t_name} xml:space="preserve">'
    if level == "para":
        return {"ppr": ppr, "rpr": rpr}
    holder = run.getparent() if run is not None else None
    inner = _between(holder, paragraph)
    closes = "".join(end_tag(el) for el in reversed(inner))
    opens = "".join(start_tag(el) for el in inner)
    if level == "run":
        return {
            "ppr": ppr,
            "rpr": rpr,
            "p_close": f"{closes}</{p_name}>",
            "p_open": f"<{p_name}>{ppr}{opens}",
        }
    run_open = f"<{r_name}>{rpr}{t_open}"
    run_close = f"</{t_name}></{r_name}>"
    return {
        "ppr": ppr,
        "rpr": rpr,
        "r_close": run_close,
        "r_open": run_open,
        "p_close": f"{run_close}{closes}</{p_name}>",
        "p_open": f"<{p_name}>{ppr}{opens}{run_open}",
    }


def _between(el: etree._Element | None, stop: etree._Element) -> list[etree._Element]:
    """Elements from just below ``stop`` down to ``el`` (inclusive), outermost first."""
    chain: list[etree._Element] = []
    while el is not None and el is not stop:
        chain.append(el)
        el = el.getparent()
    chain.reverse()
    return chain


def _props(props: etree._Element | None, context: etree._Element) -> str:
    """Serialize a pPr/rPr without its section break and redundant namespace decls."""
    if props is None:
        return ""
    props = copy.deepcopy(props)
    for sect in props.findall(_W_SECTPR):
        props.remove(sect)
    text = to_string(props)
    root_ns = context.getroottree().getroot().nsmap
    return _NS_DECL.sub(lambda m: "" if root_ns.get(m.group(1)) == m.group(2) else m.group(0), text)
