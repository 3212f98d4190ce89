"""The docx template engine: compile once, render many, safe by default."""

from __future__ import annotations
