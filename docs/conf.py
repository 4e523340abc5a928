"""Sphinx configuration for govtrack's documentation.

The build must pass with ``sphinx-build -W`` (warnings are errors), both with the
``html`` builder and with the ``doctest`` builder, and it must never need the network:
there is no intersphinx mapping on purpose.
"""

from __future__ import annotations

import doctest

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(DOCS / "_ext"))

import govtrack  # noqa: E402 - after the path set-up above

project = "govtrack"
author = "govtrack developers"
copyright = "govtrack developers"  # noqa: A001 - Sphinx's name for it
release = govtrack.__version__
version = release

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "govtrack_docs",
]

source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
root_doc = "index"
exclude_patterns = ["_build", "_ext", "Thumbs.db", ".DS_Store"]
language = "en"

# -- MyST ------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# -- autodoc and napoleon ----------------------------------------------------

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_class_signature = "mixed"
autodoc_default_options = {"members": True}
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Field lists rather than ``.. attribute::`` entries: the attrs fields are not
# separate objects autodoc could also find, so this avoids duplicate descriptions.
napoleon_use_ivar = True

# -- doctest -------------------------------------------------------------------

# The ``>>>`` examples inside docstrings run under pytest (``--doctest-modules``),
# with their module's globals; here only the pages' own ``{doctest}`` blocks run.
doctest_test_doctest_blocks = ""
# Sphinx ignores an exception's message by default (IGNORE_EXCEPTION_DETAIL): the pages
# show govtrack's error messages, so they are checked like any other output.
doctest_default_flags = doctest.ELLIPSIS | doctest.DONT_ACCEPT_TRUE_FOR_1
doctest_global_setup = f"""
import importlib.util as _importlib_util
import os as _os
_HAVE_JSONSCHEMA = _importlib_util.find_spec("jsonschema") is not None
_HAVE_PANDAS = _importlib_util.find_spec("pandas") is not None
_GOVTRACK_ROOT = {str(ROOT)!r}
"""
trim_doctest_flags = True

# -- HTML ----------------------------------------------------------------------

html_theme = "furo"
html_title = f"govtrack {release}"
html_static_path: list[str] = []
