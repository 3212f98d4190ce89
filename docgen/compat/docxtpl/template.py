"""``DocxTemplate`` with docxtpl's methods, rendering through docgen's compiled engine.

The template file is read once; its compile is cached by content, so the
usual docxtpl loops (one object rendered many times, or a new object per
document) compile once. ``render`` produces the finished .docx bytes;
``save`` applies any picture/media replacements and writes them atomically.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import jinja2

from docgen.compat.docxtpl import jinja, replace
from docgen.compat.docxtpl.errors import DocxtplTemplateError
from docgen.compat.docxtpl.subdoc import Subdoc
from docgen.engine.template import Template, read_template
from docgen.exceptions import TemplateSyntaxError

TemplateFile = str | os.PathLike[str] | IO[bytes]


class DocxTemplate:
    """A .docx template, used exactly as docxtpl's class of the same name."""

    HEADER_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/header"
    FOOTER_URI = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"

    def __init__(self, template_file: TemplateFile) -> None:
        self.template_file = template_file
        if isinstance(template_file, str | os.PathLike):
            self._name = str(template_file)
            self._blob = read_template(Path(template_file))
        else:
            self._name = "<template>"
            self._blob = replace.read_source(template_file)
        self.reset_replacements()
        self.is_rendered = False
        self.is_saved = False
        self.allow_missing_pics = False
        self._docx: Any = None
        self._links: dict[str, str] = {}  # relationship id -> URL, from build_url_id
        self._output: bytes | None = None

    # -- docxtpl's working state ------------------------------------------------------

    def render_init(self) -> None:
        """Forget the last render (docxtpl calls this at the start of every render)."""
        self._output = None
        self.is_rendered = False
        self.is_saved = False

    def init_docx(self, reload: bool = True) -> None:
        """Open the template with python-docx (for code that reads ``tpl.docx``)."""
        if self._docx is None or (self.is_rendered and reload):
            import docx

            self._docx = docx.Document(io.BytesIO(self._blob))

    def get_docx(self) -> Any:
        """The template as a python-docx ``Document``; changes to it are rendered."""
        self.init_docx(reload=False)
        return self._docx

    @property
    def docx(self) -> Any:
        """docxtpl's ``tpl.docx``."""
        return self.get_docx()

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        # docxtpl forwards unknown attributes to its python-docx document.
        return getattr(self.get_docx(), name)

    def template_bytes(self) -> bytes:
        """The template's .docx bytes (after edits made through ``tpl.docx``)."""
        if self._docx is None:
            return self._blob
        buffer = io.BytesIO()
        self._docx.save(buffer)
        return buffer.getvalue()

    # -- render and save ----------------------------------------------------------------

    def render(
        self,
        context: Mapping[str, Any] | None,
        jinja_env: jinja2.Environment | None = None,
        autoescape: bool = False,
    ) -> None:
        """Render ``context``; the result is kept for :meth:`save`.

        As in docxtpl: missing names print empty (unless ``jinja_env`` uses
        ``StrictUndefined``), and with ``autoescape=False`` a string that is
        WordprocessingML is placed as XML. Unlike docxtpl, other strings are
        always shown as typed (``&`` and ``<`` are never lost).
        """
        self.render_init()
        choice = jinja.choose(jinja_env, autoescape)
        template = self._template(choice)
        try:
            # docxtpl keeps a template's hyperlinks and its core properties' dates; code
            # written for it expects both.
            self._output = template.render(
                context or {},
                lenient=choice.lenient,
                raw_xml=not choice.escape,
                links=self._links,
                keep_web_links=True,
                keep_dates=True,
            )
        except TemplateSyntaxError as err:
            raise DocxtplTemplateError(err) from err
        self.is_rendered = True

    def save(self, filename: TemplateFile, *args: Any, **kwargs: Any) -> None:
        """Write the rendered document (or the template, when nothing was rendered)."""
        blob = self._output if self._output is not None else self.template_bytes()
        blob = self._replacements.apply(blob, self.allow_missing_pics)
        if isinstance(filename, str | os.PathLike):
            from docgen.fileio import write_atomic

            write_atomic(filename, blob)
        else:
            filename.write(blob)
        self.is_saved = True

    def _template(self, choice: jinja.EnvChoice) -> Template:
        return jinja.compiled(self.template_bytes(), self._name, choice)

    # -- building values ------------------------------------------------------------------

    def new_subdoc(self, docpath: str | os.PathLike[str] | IO[bytes] | None = None) -> Subdoc:
        """A sub-document: the body of ``docpath``, or an empty one to build in code."""
        return Subdoc(self, docpath)

    def build_url_id(self, url: str) -> str:
        """The relationship id of an external hyperlink to ``url``, for ``RichText(url_id=…)``."""
        for rid, known in self._links.items():
            if known == url:
                return rid
        rid = f"rIdDgL{len(self._links) + 1}"
        self._links[rid] = url
        return rid

    def get_undeclared_template_variables(
        self,
        jinja_env: jinja2.Environment | None = None,
        context: Mapping[str, Any] | None = None,
    ) -> set[str]:
        """Names the template uses that it does not define; minus ``context``'s keys if given."""
        # Unknown filters do not matter here (docxtpl only parses); bad syntax raises
        # jinja2's TemplateSyntaxError, as in docxtpl.
        template = self._template(jinja.choose(jinja_env, False))
        names = jinja.undeclared(template)
        return names - set(context) if context is not None else names

    # -- replacements ---------------------------------------------------------------------

    def reset_replacements(self) -> None:
        """Forget every replace_* request (for the next render of the same object)."""
        self._replacements = replace.Replacements()

    @property
    def pics_to_replace(self) -> dict[str, bytes]:
        """docxtpl's attribute: picture name → new bytes."""
        return self._replacements.pics

    def replace_pic(self, embedded_file: str, dst_file: replace.Source) -> None:
        """Swap the picture named ``embedded_file`` (its name, title or description)."""
        self._replacements.pics[embedded_file] = replace.read_source(dst_file)

    def replace_media(self, src_file: replace.Source, dst_file: replace.Source) -> None:
        """Swap the media file whose bytes equal ``src_file``'s for ``dst_file``'s."""
        self._replacements.media[replace.crc(src_file)] = replace.read_source(dst_file)

    def replace_embedded(self, src_file: replace.Source, dst_file: replace.Source) -> None:
        """Swap the embedded object whose bytes equal ``src_file``'s for ``dst_file``'s."""
        self._replacements.embedded[replace.crc(src_file)] = replace.read_source(dst_file)

    def replace_zipname(self, zipname: str, dst_file: replace.Source) -> None:
        """Swap the zip member ``zipname`` (e.g. ``word/embeddings/x.xlsx``) for ``dst_file``."""
        self._replacements.zipnames[zipname] = replace.read_source(dst_file)
