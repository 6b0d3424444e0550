"""Rust naming: what identifiers look like and which words they must avoid."""

from __future__ import annotations

from dataclasses import dataclass

from codegen.naming import Naming

# Strict and reserved keywords of every edition up to 2024: usable only as raw identifiers.
KEYWORDS = frozenset(
    {
        "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for",
        "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
        "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
        "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
        "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
    }
)
# Keywords that not even a raw identifier may spell (`r#self` is an error).
NOT_RAW = frozenset({"self", "Self", "super", "crate", "_"})

# Names the prelude brings into every module (types, traits, variants, macros' types), and
# the items the generated modules name without a path: a catalog type must not shadow them.
PRELUDE = frozenset(
    {
        "Option", "Some", "None", "Result", "Ok", "Err", "String", "Vec", "Box", "ToString",
        "ToOwned", "Clone", "Copy", "Default", "Eq", "PartialEq", "Ord", "PartialOrd",
        "Iterator", "IntoIterator", "DoubleEndedIterator", "ExactSizeIterator", "Extend",
        "FromIterator", "Into", "From", "TryFrom", "TryInto", "AsRef", "AsMut", "Fn", "FnMut",
        "FnOnce", "Drop", "Send", "Sync", "Sized", "Unpin", "Debug", "Hash",
    }
)
# Items of the crate's `meta` module and of each catalog module.
CRATE_ITEMS = frozenset(
    {"Cow", "Deprecation", "Retirement", "Status", "Ref", "UnknownValue", "Row", "ROWS", "CATALOG_ID",
     "Formatter", "Display", "FromStr", "Serialize", "Deserialize", "Serializer", "Deserializer", "Error",
     "Active", "Deprecated", "Retired", "Borrowed", "Owned",
     # the statics of the packed table (a Pascal name of single letters can spell them)
     "COUNT", "VALUES", "KNOWN_VALUES", "TEXTS", "DEPRECATIONS", "RETIREMENTS", "SUCCESSORS",
     # the type parameters of the serde impls
     "S", "D"}
)
# Module names the crate uses itself, or that would clash with its crate root.
MODULES = frozenset({"meta", "lib", "main", "core", "alloc", "std", "serde", "build"})

# Associated items of every catalog type. Metadata accessors cannot be a field's name (the
# field would replace them: refused); trait methods get the escape suffix instead.
ACCESSORS = frozenset(
    {"new", "value", "as_str", "into_inner", "from_static", "is_known", "from_name", "name",
     "message", "description", "since", "doc_url", "status", "deprecated", "retired", "successors",
     "migrate", "row", "lookup"}
)
TRAIT_METHODS = frozenset(
    {"fmt", "from", "from_str", "try_from", "into", "try_into", "clone", "clone_from", "eq", "ne",
     "cmp", "partial_cmp", "lt", "le", "gt", "ge", "max", "min", "clamp", "hash", "serialize",
     "deserialize", "to_string", "to_owned", "borrow", "as_ref", "type_id", "default"}
)


@dataclass(frozen=True)
class RustNaming(Naming):
    """Naming whose keywords become raw identifiers (`r#type`) where Rust allows one."""

    def escape(self, ident: str) -> str:
        """ident as Rust accepts it: `r#` before a keyword, the escape suffix if otherwise reserved."""
        return "r#" + ident if ident in KEYWORDS else super().escape(ident)


_RESERVED_TYPES = NOT_RAW | PRELUDE | CRATE_ITEMS
MODULE = RustNaming("rust", "module", "snake", NOT_RAW | MODULES)
TYPE = RustNaming("rust", "type", "pascal", _RESERVED_TYPES)
MEMBER = RustNaming("rust", "member", "keep", frozenset({"KNOWN", "CATALOG_ID", "ROWS"}))
FIELD = RustNaming("rust", "field", "snake", NOT_RAW | TRAIT_METHODS)


def plain(ident: str) -> str:
    """The identifier without its raw prefix (for file names and text)."""
    return ident.removeprefix("r#")
