"""The house style (GB/T 9704-2012) as code, and a declarative builder for templates.

A template is a :class:`TemplateSpec`: where it lives in the library, the data
kind it reads, and a list of blocks. Blocks hold docxtpl-language text; ``when``
and ``each`` wrap a block in ``{%p if %}``/``{%p for %}``; numbered sections get
their ordinals (一、（一）1.（1）) at render time, so numbering stays continuous
when a section is left out. Example::

    from docgen.style import Para, Run, Section, Signoff, TemplateSpec, Title
    from docgen.style.tables import Column, Table

    SPEC = TemplateSpec(
        genre="plans", name="my-plan", kind="rectification", title="整改方案",
        description="…", output="{branch}整改方案.docx",
        fields=("title", "problems", "signoff"), required=("problems",),
        blocks=(
            Title("{{ title }}"),
            Para("{{ basis }}", when="basis"),                 # dropped when empty
            Section("问题清单", [                               # 一、问题清单
                Section("{{ p.title }}", [Para("{{ p.measures_text }}")],
                        level=2, each="p in problems"),        # （一）… （二）…
                Table([Column("序号", "{{ row.seq }}", 1, centred=True),
                       Column("存在问题", "{{ row.title }}", 6)], each="row in ledger"),
            ], when="problems"),
            Section("保障措施", [Para([Run("{{ s.lead }}", lead=2), Run("{{ s.rest }}")],
                                      each="s in safeguards", number=2)]),
            Signoff("signoff", when="signoff.show"),
        ),
    )
    SPEC.build()       # .docx bytes, the same on every call
    SPEC.manifest()    # manifest.toml text

Put the spec in ``docgen/style/catalog/`` and run ``scripts/build_templates.py``;
compute wording (lists reading “无”, votes, deadlines) in :mod:`docgen.views`,
not in Jinja. Options of the style are switches on :class:`HouseStyle`
(``centred_page_numbers=True``, ``bold_levels=True``), passed as ``style=``.
"""

from __future__ import annotations

from docgen.style.blocks import (
    Blank,
    For,
    Heading,
    If,
    PageBreak,
    Para,
    Run,
    Salutation,
    Section,
    SignLine,
    Signoff,
    Subtitle,
    Title,
)
from docgen.style.house import DEFAULT_STYLE, SIZES, HouseStyle, Margins
from docgen.style.spec import FieldInfo, TemplateSpec
from docgen.style.tables import Column, Field, LabelRow, LabelTable, Table

__all__ = [
    "DEFAULT_STYLE",
    "SIZES",
    "Blank",
    "Column",
    "Field",
    "FieldInfo",
    "For",
    "Heading",
    "HouseStyle",
    "If",
    "LabelRow",
    "LabelTable",
    "Margins",
    "PageBreak",
    "Para",
    "Run",
    "Salutation",
    "Section",
    "SignLine",
    "Signoff",
    "Subtitle",
    "Table",
    "TemplateSpec",
    "Title",
]
