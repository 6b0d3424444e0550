"""Go naming: exported identifiers in MixedCaps with Go's initialisms, checked against the
keywords, the predeclared identifiers and every name the generated package declares itself."""

from __future__ import annotations

import re
from dataclasses import dataclass

from codegen.naming import Naming, words

KEYWORDS = frozenset(
    ["break", "case", "chan", "const", "continue", "default", "defer", "else", "fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package", "range", "return", "select", "struct", "switch", "type", "var"])
PREDECLARED = frozenset(
    ["any", "bool", "byte", "comparable", "complex64", "complex128", "error", "float32", "float64", "int", "int8", "int16", "int32", "int64", "rune", "string", "uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "true", "false", "iota", "nil", "append", "cap", "clear", "close", "complex", "copy", "delete", "imag", "len", "make", "max", "min", "new", "panic", "print", "println", "real", "recover"])
GO_RESERVED = KEYWORDS | PREDECLARED

# The initialisms Go's own style keeps in one case (the list golint and gopls use).
INITIALISMS = frozenset(
    ["ACL", "API", "ASCII", "CPU", "CSS", "DNS", "EOF", "GUID", "HTML", "HTTP", "HTTPS", "ID", "IP", "JSON", "LHS", "QPS", "RAM", "RHS", "RPC", "SIP", "SLA", "SMTP", "SQL", "SSH", "TCP", "TLS", "TTL", "UDP", "UI", "UID", "UUID", "URI", "URL", "UTF8", "VM", "XML", "XMPP", "XSRF", "XSS"])

# Package-level names the generated package declares besides the catalogs' own.
SHARED_NAMES = ("Deprecation", "Lifecycle", "LifecycleActive", "LifecycleDeprecated",
                "LifecycleRetired", "Member", "Retirement", "UnknownValueError")

# Methods every catalog type has: a declared field must not become one of them.
METHODS = frozenset(
    {"CatalogID", "Deprecation", "Description", "DocURL", "IsKnown", "Lifecycle", "MarshalJSON", "MarshalText",
     "Message", "Retirement", "Since", "String", "Successors", "UnmarshalJSON", "UnmarshalText"})

# File-name suffixes the go command reads as build constraints or as tests.
_CONSTRAINED = re.compile(
    r"_(test|aix|android|darwin|dragonfly|freebsd|hurd|illumos|ios|js|linux|nacl|netbsd|openbsd|plan9|"
    r"solaris|wasip1|windows|zos|386|amd64|amd64p32|arm|armbe|arm64|arm64be|loong64|mips|mipsle|mips64|"
    r"mips64le|mips64p32|mips64p32le|ppc|ppc64|ppc64le|riscv|riscv64|s390|s390x|sparc|sparc64|wasm)$")


def go_pascal(name: str) -> str:
    """http_status -> HTTPStatus, CALL_NOT_FOUND -> CallNotFound."""
    out = []
    for part in name.split("_"):
        spelled = _SPELLED.get(part) or _spell_part(part)
        if spelled is None:  # not snake case: codegen.naming's words
            return "".join(_spell(w) for w in words(name))
        out.append(spelled)
    return "".join(out)


def _spell(word: str) -> str:
    return word.upper() if word.upper() in INITIALISMS else word[:1].upper() + word[1:]


# How go_pascal spells a part between underscores that is one word: the same words come
# back across the entries of a catalog (CODE_1, CODE_2...).
_SPELLED: dict[str, str] = {}


def _spell_part(part: str) -> str | None:
    """A part that is one word (ASCII digits, capitals or small letters) spelled, else None."""
    if not part.isascii():
        return None
    if part.isdigit() or not part:
        return part
    if part.isalpha() and (part.isupper() or part.islower()):
        _SPELLED[part] = _spell(part.lower())
        return _SPELLED[part]
    return None


@dataclass(frozen=True)
class GoNaming(Naming):
    """A Naming whose transform is Go's MixedCaps with initialisms."""

    def base(self, name: str) -> str:
        """The exported identifier for name (a leading digit gets a prefix letter)."""
        out = go_pascal(name) if self.transform == "go_pascal" else name
        return "X" + out if not out or out[0].isdigit() else out


def file_name(catalog_id: str) -> str:
    """The catalog's file: its id, unless the go command would read a suffix as a constraint."""
    return (catalog_id + "_catalog" if _CONSTRAINED.search(catalog_id) else catalog_id) + ".go"


TYPE = GoNaming("go", "type", "go_pascal", GO_RESERVED)
MEMBER = GoNaming("go", "member", "go_pascal", GO_RESERVED)
FIELD = GoNaming("go", "field", "go_pascal", GO_RESERVED)
