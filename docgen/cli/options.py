"""Options shared by several commands, defined once."""

from __future__ import annotations

from pathlib import Path

import click

templates_option = click.option(
    "--templates",
    "template_dirs",
    multiple=True,
    type=click.Path(file_okay=False, path_type=Path),
    help="另外的模板库目录，可重复 / extra template folder (repeatable).",
)
