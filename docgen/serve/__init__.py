"""``docgen serve``: a web page for secretaries and an HTTP API for other systems.

::

    from docgen.serve import ServeSettings, create_app
    app = create_app(ServeSettings.from_env("work/"))     # any ASGI server can run it

Layers, top down: :mod:`~docgen.serve.app` (the application) → the routes
(``routes_*``, :mod:`~docgen.serve.pages`) → the services they share
(:mod:`~docgen.serve.services`: work folder, offices, work gate, batch jobs) →
docgen's library (rendering, data door, conversion, bundles, batch).
"""

from __future__ import annotations

from docgen.serve.app import create_app as create_app
from docgen.serve.settings import Limits as Limits
from docgen.serve.settings import ServeSettings as ServeSettings

__all__ = ["Limits", "ServeSettings", "create_app"]
