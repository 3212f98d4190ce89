"""``python -m docgen`` runs the command line."""

from __future__ import annotations

from docgen.cli import main

main()
