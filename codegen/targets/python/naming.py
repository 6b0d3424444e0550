"""Python naming: what identifiers look like and which words they must avoid."""

from __future__ import annotations

import builtins
import keyword

from codegen.naming import Naming

PYTHON_RESERVED = frozenset(keyword.kwlist) | frozenset(keyword.softkwlist) | frozenset(dir(builtins))

# Attributes every generated enum member already has: fields must not shadow them.
MEMBER_ATTRIBUTES = frozenset(
    {"name", "value", "info", "message", "description", "since", "deprecated", "retired",
     "successors", "is_deprecated", "is_retired", "mro"}
)

MODULE = Naming("python", "module", "keep", PYTHON_RESERVED | {"_runtime"})
CLASS = Naming("python", "class", "pascal", PYTHON_RESERVED)
MEMBER = Naming("python", "member", "keep", PYTHON_RESERVED | {"mro"})
FIELD = Naming("python", "field", "snake", PYTHON_RESERVED)
