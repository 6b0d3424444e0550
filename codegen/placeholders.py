"""Message placeholders: `{name}` names a parameter the entry declares; `{{` and `}}` are braces.

A message is a template only when its entry declares `parameters`; any other message is plain
text, braces included. Templates are read with the standard library's own format-string parser
(string.Formatter), restricted to bare parameter names: no indexing, attributes, conversions
or format specs, so filling one in any language is a plain substitution.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable

from codegen.model import Parameter

#: What a parameter name looks like: a valid key in every target, the same in all of them.
PARAMETER_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class TemplateError(ValueError):
    """A message that is not a well-formed template."""


def placeholders(message: str) -> list[str]:
    """The parameter names a template message uses, in order of first use."""
    names: list[str] = []
    parts = iter(string.Formatter().parse(message))  # lazy: a problem is found where it is, in order
    while True:
        try:
            _, name, spec, conversion = next(parts)
        except StopIteration:
            return names
        except ValueError as exc:
            raise TemplateError(f"{exc} (write {{{{ and }}}} for literal braces)") from None
        if name is None:
            continue
        if not PARAMETER_NAME.match(name) or spec or conversion:
            shown = "{" + name + ("!" + conversion if conversion else "") + (":" + spec if spec else "") + "}"
            raise TemplateError(f"{shown} is not a placeholder: write {{name}} with a declared parameter name")
        if name not in names:
            names.append(name)


def looks_like_placeholders(message: str) -> list[str]:
    """The `{name}` spans of a plain-text message: placeholders its entry forgot to declare."""
    return sorted(set(re.findall(r"(?<!\{)\{([a-z][a-z0-9_]*)\}(?!\})", message)))


def fill(message: str, values: dict[str, str | int]) -> str:
    """A template with its parameters' values in place (what the generated helpers produce)."""
    return message.format_map(values)


def sample(parameters: Iterable[Parameter]) -> dict[str, str | int]:
    """A value per parameter for checks: a string that looks like a placeholder, a negative integer."""
    return {p.name: -12 if p.type == "integer" else f"{{{p.name}}} value" for p in parameters}
