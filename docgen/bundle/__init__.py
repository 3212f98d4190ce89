"""Bundles: a YAML recipe chains templates, fans out, names and packages the documents.

Public API::

    Bundle.load(recipe_path).build(out_dir, variables)  -> BuildResult (outputs, failures)
    load_recipe(path)                                   -> Recipe (compiled), or RecipeError
"""

from __future__ import annotations

from docgen.bundle.bundle import BuildResult as BuildResult
from docgen.bundle.bundle import Bundle as Bundle
from docgen.bundle.bundle import Output as Output
from docgen.bundle.compiled import Recipe as Recipe
from docgen.bundle.errors import RecipeError as RecipeError
from docgen.bundle.loader import load_recipe as load_recipe
from docgen.bundle.plan import Document as Document
from docgen.bundle.plan import Plan as Plan
from docgen.bundle.production import Failure as Failure
from docgen.bundle.production import RenderOptions as RenderOptions

__all__ = [
    "BuildResult",
    "Bundle",
    "Document",
    "Failure",
    "Output",
    "Plan",
    "Recipe",
    "RecipeError",
    "RenderOptions",
    "load_recipe",
]
