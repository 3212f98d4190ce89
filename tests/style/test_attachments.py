"""The 附件说明 lines and the 附件 label in the built template (GB/T 9704 §7.3.4, §7.3.7)."""

from __future__ import annotations

from lxml import etree

from docgen.engine.template import Template
from docgen.style import styles as st
from docgen.style.attachments import LEAD, AttachmentNote, lead_twips, number_twips
from docgen.style.blocks import AttachmentNote as NoteBlock
from docgen.style.blocks import Para, Title
from docgen.style.house import DEFAULT_STYLE
from tests.style.specs import bare_spec
from tests.templates.reading import NS, Docx, q

CHAR = DEFAULT_STYLE.body_pt * 20
STEP = CHAR + DEFAULT_STYLE.char_spacing_twentieths


def test_one_attachment_hangs_under_its_name() -> None:
    """One name: “附件：名称” two characters in, wrapped lines under the name's first
    character (the hanging indent is the printed width of “附件：”)."""
    (line,) = AttachmentNote(("整改台账",)).lines()
    assert line.text == "附件：整改台账"
    assert line.left == round(2 * CHAR + 3 * STEP) == lead_twips()
    assert line.left - line.hanging == 2 * CHAR
    assert line.number == ""


def test_several_are_numbered_with_the_names_in_one_column() -> None:
    """Several: 1. on the 附件 line, the others under it, every name at one left indent
    (the widest number's slot), so ten and more still line up."""
    names = tuple(f"材料{i}" for i in range(1, 12))
    lines = AttachmentNote(names).lines()
    assert [ln.text for ln in lines][:2] == ["附件：1.材料1", "2.材料2"]
    assert lines[0].lead == LEAD
    assert all(ln.lead == "" for ln in lines[1:])
    assert len({ln.left for ln in lines}) == 1
    assert lines[0].left - lines[0].hanging == 2 * CHAR  # 附件： two characters in
    assert {ln.left - ln.hanging for ln in lines[1:]} == {lead_twips()}  # under the 1.
    # The slot holds “11.” with room to spare, and no more than a character.
    assert number_twips("11.") < lines[0].left - lead_twips() < number_twips("11.") + CHAR / 4


def test_number_widths_follow_the_latin_face() -> None:
    """Digits half a character, the full stop a quarter, each less the spacing."""
    spacing = DEFAULT_STYLE.char_spacing_twentieths
    assert number_twips("1.") == round(0.75 * CHAR + 2 * spacing)
    assert number_twips("10.") == round(1.25 * CHAR + 3 * spacing)


def test_note_xml_keeps_lines_together_and_tabs_to_the_name() -> None:
    """Every paragraph is kept with the next (the sign-off follows), in the 附件说明 style;
    a numbered one has a tab stop at its left indent and a tab before the name."""
    xml = AttachmentNote(("签到表", "活动照片")).__html__()
    root = etree.fromstring(f'<w:body xmlns:w="{NS["w"]}">{xml}</w:body>')
    paras = root.findall(q("w:p"))
    assert len(paras) == 2
    for p in paras:
        assert p.find("w:pPr/w:pStyle", NS).get(q("w:val")) == st.ATTACHMENT_NOTE
        assert p.find("w:pPr/w:keepNext", NS) is not None
        stop = p.find("w:pPr/w:tabs/w:tab", NS)
        ind = p.find("w:pPr/w:ind", NS)
        assert stop.get(q("w:pos")) == ind.get(q("w:left"))
        assert p.find("w:r/w:tab", NS) is not None
    assert not AttachmentNote()
    assert str(AttachmentNote(("签到表", "活动照片"))) == "附件：1.签到表\n2.活动照片"


def _render(context: dict[str, object]) -> Docx:
    blob = bare_spec([Title("{{ title }}"), Para("正文。"), NoteBlock()]).build()
    return Docx(Template(blob).render(context))


def test_alone_no_label_and_no_note() -> None:
    """A template rendered without the bundle's entries prints neither label nor note, and
    its title is the first paragraph."""
    doc = _render({"title": "整改台账"})
    styles = [p.style for p in doc.paragraphs()]
    assert styles[0] == st.TITLE
    assert st.ATTACHMENT_LABEL not in styles
    assert st.ATTACHMENT_NOTE not in styles


def test_as_attachment_label_blank_title() -> None:
    """With a label: the label, an empty line, the title (on the third line); the note
    after an empty line under the body."""
    doc = _render(
        {
            "title": "整改台账",
            "attachment_label": "附件2",
            "attachment_note": AttachmentNote(("学习安排表",)),
        }
    )
    outline = [(p.style, p.text) for p in doc.paragraphs()]
    assert outline[:3] == [(st.ATTACHMENT_LABEL, "附件2"), (st.FLUSH, ""), (st.TITLE, "整改台账")]
    assert outline[-2:] == [(st.FLUSH, ""), (st.ATTACHMENT_NOTE, "附件：学习安排表")]


def test_label_style_is_heiti_sanhao() -> None:
    """附件标识: 3号 (16 pt) 黑体, digits too, flush left, kept with the next line."""
    doc = Docx(bare_spec([Title("{{ title }}")]).build())
    style = doc.style(st.ATTACHMENT_LABEL)
    assert style.find("w:name", NS).get(q("w:val")) == "附件标识"
    fonts = style.find("w:rPr/w:rFonts", NS)
    assert fonts.get(q("w:eastAsia")) == fonts.get(q("w:ascii")) == DEFAULT_STYLE.label_font
    assert style.find("w:rPr/w:sz", NS).get(q("w:val")) == "32"
    assert style.find("w:pPr/w:jc", NS).get(q("w:val")) == "left"
    assert style.find("w:pPr/w:keepNext", NS) is not None
    assert style.find("w:pPr/w:ind", NS).get(q("w:firstLine")) == "0"
