"""Bundles: a YAML recipe chains templates, fans out, names and packages the documents.

Public API::

    Bundle.load(recipe_path).build(out_dir, variables)  -> BuildResult (outputs, failures)
    Bundle.load("zuzhi-shenghuohui").build(out_dir, inputs={"org": "my.yaml"}, pdf=True)
    list_bundles() / find_bundle(name)                  -> the library's bundles
    load_recipe(path)                                   -> Recipe (compiled), or RecipeError
"""

from __future__ import annotations

from docgen.bundle.builtin import BundleInfo as BundleInfo
from docgen.bundle.builtin import find_bundle as find_bundle
from docgen.bundle.builtin import list_bundles as list_bundles
from docgen.bundle.bundle import BuildResult as BuildResult
from docgen.bundle.bundle import Bundle as Bundle
from docgen.bundle.compiled import Recipe as Recipe
from docgen.bundle.loader import load_recipe as load_recipe
from docgen.bundle.plan import Document as Document
from docgen.bundle.plan import Plan as Plan
from docgen.bundle.production import RenderOptions as RenderOptions
from docgen.exceptions import RecipeError as RecipeError
from docgen.results import Failure as Failure
from docgen.results import Output as Output

__all__ = [
    "BuildResult",
    "Bundle",
    "BundleInfo",
    "Document",
    "Failure",
    "Output",
    "Plan",
    "Recipe",
    "RecipeError",
    "RenderOptions",
    "find_bundle",
    "list_bundles",
    "load_recipe",
]
