"""Structured inputs: typed models per kind, loaders per format, validation with places.

Public API::

    load_data(path, kind=None)      -> the typed model, or DataError with every problem
    validate_files(paths)           -> every Problem (errors and warnings) of many files
    load_config(path)               -> DataConfig from a settings file

The names below are imported on first use (PEP 562 ``__getattr__`` over a fixed
table), so reading plain data through :mod:`docgen.data.source` loads no model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docgen.lazy import lazy_attributes

if TYPE_CHECKING:
    from docgen.data.api import load_config as load_config
    from docgen.data.api import load_data as load_data
    from docgen.data.api import load_result as load_result
    from docgen.data.api import validate_files as validate_files
    from docgen.data.config import DEFAULT_CONFIG as DEFAULT_CONFIG
    from docgen.data.config import DataConfig as DataConfig
    from docgen.data.kinds import KINDS as KINDS
    from docgen.data.loaders.guard import Limits as Limits
    from docgen.data.models import AnnualPlan as AnnualPlan
    from docgen.data.models import Branch as Branch
    from docgen.data.models import Minutes as Minutes
    from docgen.data.models import OrgLifeMeeting as OrgLifeMeeting
    from docgen.data.models import Rectification as Rectification
    from docgen.data.models import Report as Report
    from docgen.data.models import Speech as Speech
    from docgen.data.models import University as University
    from docgen.data.pipeline import LoadResult as LoadResult

#: Public name -> the module it is imported from on first use.
_LAZY = {
    "DEFAULT_CONFIG": "docgen.data.config",
    "KINDS": "docgen.data.kinds",
    "AnnualPlan": "docgen.data.models",
    "Branch": "docgen.data.models",
    "DataConfig": "docgen.data.config",
    "Limits": "docgen.data.loaders.guard",
    "LoadResult": "docgen.data.pipeline",
    "Minutes": "docgen.data.models",
    "OrgLifeMeeting": "docgen.data.models",
    "Rectification": "docgen.data.models",
    "Report": "docgen.data.models",
    "Speech": "docgen.data.models",
    "University": "docgen.data.models",
    "load_config": "docgen.data.api",
    "load_data": "docgen.data.api",
    "load_result": "docgen.data.api",
    "validate_files": "docgen.data.api",
}


__getattr__, __dir__ = lazy_attributes(__name__, _LAZY)


__all__ = [
    "DEFAULT_CONFIG",
    "KINDS",
    "AnnualPlan",
    "Branch",
    "DataConfig",
    "Limits",
    "LoadResult",
    "Minutes",
    "OrgLifeMeeting",
    "Rectification",
    "Report",
    "Speech",
    "University",
    "load_config",
    "load_data",
    "load_result",
    "validate_files",
]
