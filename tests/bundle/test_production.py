"""Rendering a plan: failures per document, up-to-date outputs skipped, packages built."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docgen.bundle.loader import load_recipe
from docgen.bundle.plan import make_plan
from docgen.bundle.production import Known, produce
from tests.bundle.conftest import RecipeWriter
from tests.docx_builder import paragraph_texts

RECIPE = """\
name: 包
steps:
  - id: a
    template: tiny.docx
    foreach: "['甲', '乙', '丙']"
    data: {name: "{{ item }}", code: "{{ loop.index }}"}
    output: "{{ item }}"
package:
  zip: true
"""


def test_documents_and_zip(write_recipe: RecipeWriter) -> None:
    """Each document renders its item; the zip holds them in order with UTF-8 names."""
    production = produce(make_plan(load_recipe(write_recipe(RECIPE)), {}))
    assert not production.failures
    docs = [a for a in production.artifacts if a.kind == "document"]
    assert [a.relpath for a in docs] == ["甲.docx", "乙.docx", "丙.docx"]
    assert paragraph_texts(docs[1].blob or b"") == ["乙", "编号 2"]
    zipped = next(a for a in production.artifacts if a.kind == "zip")
    with zipfile.ZipFile(io.BytesIO(zipped.blob or b"")) as archive:
        assert archive.namelist() == ["甲.docx", "乙.docx", "丙.docx"]
        assert archive.read("丙.docx") == docs[2].blob


def test_same_inputs_same_bytes(write_recipe: RecipeWriter) -> None:
    """Rendering twice gives identical hashes (packages included): resume relies on it."""
    plan = make_plan(load_recipe(write_recipe(RECIPE)), {})
    first = [a.sha256 for a in produce(plan).artifacts]
    assert first == [a.sha256 for a in produce(plan).artifacts]


def test_known_outputs_are_not_rendered(write_recipe: RecipeWriter) -> None:
    """Outputs the manifest shows up to date come back without bytes."""
    plan = make_plan(load_recipe(write_recipe(RECIPE.replace("  zip: true", "  folder: true"))), {})
    first = produce(plan)
    known = {
        a.relpath: Known(a.template_digest, a.data_hash, a.sha256, a.size)
        for a in first.artifacts
        if a.relpath != "乙.docx"
    }
    second = produce(plan, known)
    rendered = [a.relpath for a in second.artifacts if a.blob is not None]
    assert rendered == ["乙.docx"]
    assert [a.sha256 for a in second.artifacts] == [a.sha256 for a in first.artifacts]


def test_one_bad_document_does_not_stop_the_others(write_recipe: RecipeWriter) -> None:
    """A render error is a failure for its document; the zip is not built from a partial set."""
    recipe = RECIPE.replace(
        'code: "{{ loop.index }}"', "code: \"{{ '\\x01' if loop.index == 2 else 1 }}\""
    )
    production = produce(make_plan(load_recipe(write_recipe(recipe)), {}))
    assert [a.relpath for a in production.artifacts] == ["甲.docx", "丙.docx"]
    codes = [(f.code, f.output) for f in production.failures]
    assert codes == [("invalid_xml_char", "乙.docx"), ("package_incomplete", None)]
    assert "XML" in production.failures[0].message_en


def test_folder_false_keeps_only_packages(write_recipe: RecipeWriter, tmp_path: Path) -> None:
    """``package.folder: false`` leaves only the zip."""
    text = RECIPE.replace("package:\n", "package:\n  folder: false\n")
    production = produce(make_plan(load_recipe(write_recipe(text)), {}))
    assert [a.kind for a in production.artifacts] == ["zip"]
    assert tmp_path.is_dir()
