"""Naming for template targets: C's rules, and every other target's rules by its name."""

from __future__ import annotations

from collections.abc import Mapping

from codegen.naming import Naming

# C11 keywords, the names <stdint.h> and <stddef.h> declare, and the macros of the C library
# that a generated constant would most plausibly shadow.
C_RESERVED = frozenset(
    {
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else",
        "enum", "extern", "float", "for", "goto", "if", "inline", "int", "long", "register",
        "restrict", "return", "short", "signed", "sizeof", "static", "struct", "switch",
        "typedef", "union", "unsigned", "void", "volatile", "while", "_Alignas", "_Alignof",
        "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert",
        "_Thread_local", "bool", "true", "false", "alignas", "alignof", "noreturn",
        "static_assert", "thread_local", "NULL", "EOF", "BUFSIZ", "EDOM", "EILSEQ", "ERANGE",
        "EXIT_FAILURE", "EXIT_SUCCESS", "errno", "size_t", "ptrdiff_t", "wchar_t", "int8_t",
        "int16_t", "int32_t", "int64_t", "uint8_t", "uint16_t", "uint32_t", "uint64_t",
        "intptr_t", "uintptr_t", "intmax_t", "uintmax_t", "INT64_C", "INT64_MAX", "INT64_MIN",
        "main",
    }
)

#: C: a catalog's macro prefix (VOIPBIN_REASON), its function and type prefix (voipbin_reason),
#: members as the spec spells them (UPPER_SNAKE), fields in snake case.
C = {
    "macro": Naming("c", "macro", "upper", C_RESERVED),
    "function": Naming("c", "function", "snake", C_RESERVED),
    "member": Naming("c", "member", "keep", C_RESERVED),
    "field": Naming("c", "field", "snake", C_RESERVED),
}

#: `naming: keep` (the default): identifiers as the spec spells them.
KEEP: Mapping[str, Naming] = {}


def table(name: str) -> Mapping[str, Naming] | None:
    """The naming rules called name: keep, c, or a target's (built-in ones first, then plugins)."""
    from codegen.targets import plugins, registry

    if name in ("keep", "c"):
        return KEEP if name == "keep" else C
    target = registry().get(name) or plugins().get(name)
    return target.naming if target and target.naming else None


def choices() -> list[str]:
    """The names `naming:` accepts, for a hint."""
    from codegen.targets import available

    return ["keep", "c", *sorted(n for n, t in available().items() if t.naming)]
