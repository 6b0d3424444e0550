"""TypeScript naming: what identifiers look like and which words they must avoid."""

from __future__ import annotations

from pathlib import Path

from codegen.naming import Naming, template_names

# ECMAScript reserved words, strict-mode reserved words (modules are always strict)
# and the words strict mode forbids as binding names.
JS_RESERVED = frozenset(
    {
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete",
        "do", "else", "enum", "export", "extends", "false", "finally", "for", "function", "if",
        "import", "in", "instanceof", "new", "null", "return", "super", "switch", "this",
        "throw", "true", "try", "typeof", "var", "void", "while", "with",
        # strict mode and module code
        "implements", "interface", "let", "package", "private", "protected", "public",
        "static", "yield", "await", "arguments", "eval",
    }
)

# TypeScript's own type keywords and contextual words that cannot name a type.
TS_RESERVED = frozenset(
    {
        "any", "as", "asserts", "async", "bigint", "boolean", "declare", "get", "infer", "is",
        "keyof", "module", "namespace", "never", "number", "object", "of", "readonly",
        "require", "set", "string", "symbol", "type", "undefined", "unique", "unknown",
        "satisfies", "accessor", "using", "out", "override", "abstract", "constructor",
    }
)

# Names that Object.prototype already has: as a property of a generated object they
# would be shadowed, read through the prototype or (for __proto__) replace it.
PROTOTYPE_NAMES = frozenset(
    {
        "__proto__", "constructor", "prototype", "hasOwnProperty", "isPrototypeOf",
        "propertyIsEnumerable", "toLocaleString", "toString", "valueOf", "__defineGetter__",
        "__defineSetter__", "__lookupGetter__", "__lookupSetter__",
    }
)

# Global objects and utility types a top-level name would shadow, and the names the
# generated runtime module exports.
GLOBALS = frozenset(
    {
        "Array", "ArrayBuffer", "BigInt", "Boolean", "DataView", "Date", "Error", "EvalError",
        "Function", "Infinity", "Intl", "JSON", "Map", "Math", "NaN", "Number", "Object",
        "Promise", "Proxy", "RangeError", "ReferenceError", "Reflect", "RegExp", "Set", "String",
        "Symbol", "SyntaxError", "TypeError", "URIError", "WeakMap", "WeakSet", "globalThis",
        "Awaited", "Capitalize", "ConstructorParameters", "Exclude", "Extract", "InstanceType",
        "Lowercase", "NonNullable", "Omit", "Parameters", "Partial", "Pick", "Readonly",
        "ReadonlyArray", "ReadonlyMap", "ReadonlySet", "Record", "Required", "ReturnType",
        "Uncapitalize", "Uppercase",
        # the runtime module
        "Deprecation", "Retirement", "Lifecycle", "MemberRef", "Unknown", "UnknownValueError",
        "isUnknown",
    }
)

#: Every name the generated modules themselves bind or read (imports, helpers, locals),
#: read from the templates.
GENERATED_NAMES = template_names(Path(__file__).resolve().parent / "templates", "c-like")

RESERVED = JS_RESERVED | TS_RESERVED | PROTOTYPE_NAMES | GLOBALS | GENERATED_NAMES

# Keys every info record already has: declared fields must not shadow them.
INFO_KEYS = frozenset(
    {"catalog", "name", "value", "message", "description", "since", "status", "deprecated",
     "retired", "successors", "docUrl"}
)

TYPE = Naming("typescript", "type", "pascal", RESERVED)
FUNCTION = Naming("typescript", "function", "camel", RESERVED)
MEMBER = Naming("typescript", "member", "keep", JS_RESERVED | TS_RESERVED | PROTOTYPE_NAMES | GLOBALS)
FIELD = Naming("typescript", "field", "camel", RESERVED)
# Module files are kebab-case: the snake name with dashes, so collisions are the same.
MODULE = Naming("typescript", "module", "snake", frozenset({"index", "runtime", "package"}))


def kebab(module: str) -> str:
    """voipbin_status -> voipbin-status (the file name and the package subpath)."""
    return module.replace("_", "-")
