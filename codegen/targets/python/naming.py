"""Python naming: what identifiers look like and which words they must avoid."""

from __future__ import annotations

import builtins
import enum
import keyword
from pathlib import Path

from codegen.naming import Naming, template_names

PYTHON_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(dir(builtins))

#: The enum base of a catalog by its kind of values.
BASES = {"integer": "IntEnum", "string": "StrEnum"}

#: Every name the generated modules themselves bind or read: their imports, helpers, locals
#: and module names, read from the templates (plus the enum bases the view chooses).
GENERATED_NAMES = template_names(Path(__file__).resolve().parent / "templates", "python") | frozenset(BASES.values())

#: What a member inherits from its enum base: a field must not shadow real, imag, upper...
BASE_ATTRIBUTES = frozenset(dir(enum.IntEnum)) | frozenset(dir(enum.StrEnum))

# Attributes every generated enum member already has: fields must not shadow them.
MEMBER_ATTRIBUTES = frozenset(
    {"name", "value", "info", "message", "description", "since", "deprecated", "retired",
     "successors", "doc_url", "is_deprecated", "is_retired", "mro"}
)

RESERVED = PYTHON_RESERVED | GENERATED_NAMES
MODULE = Naming("python", "module", "keep", RESERVED | {"_runtime"})
CLASS = Naming("python", "class", "pascal", RESERVED)
MEMBER = Naming("python", "member", "keep", RESERVED | {"mro"})
FUNCTION = Naming("python", "function", "snake", RESERVED)
FIELD = Naming("python", "field", "snake", RESERVED | BASE_ATTRIBUTES)
