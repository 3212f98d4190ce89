"""Drop-in layers for code written against other template libraries.

``docgen.compat.docxtpl`` runs docxtpl programs on docgen's engine: change the
import line, keep the rest.
"""

from __future__ import annotations
