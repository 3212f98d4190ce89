"""docxtpl code catches ``jinja2.exceptions.TemplateError``; docgen's template errors here are one.

Kept beside the compat layer (not in :mod:`docgen.exceptions`) so that
``import docgen`` does not import Jinja; the class is still a
:class:`docgen.TemplateSyntaxError`, inside docgen's one exception tree.
"""

from __future__ import annotations

from jinja2.exceptions import TemplateError

from docgen.exceptions import TemplateSyntaxError


class DocxtplTemplateError(TemplateSyntaxError, TemplateError):
    """Every problem of a template, catchable as docxtpl code expects.

    ``docx_context`` (docxtpl's attribute) lists each problem with its
    Word-visible place, one line each.
    """

    def __init__(self, error: TemplateSyntaxError) -> None:
        super().__init__(error.message_zh, error.message_en, error.problems)
        self.docx_context = [problem.describe() for problem in error.problems]
