"""Java naming: identifiers, and the words and generated names they must avoid."""

from __future__ import annotations

from codegen.naming import Naming

JAVA_KEYWORDS = frozenset(["abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits", "non-sealed", "when", "module", "open", "opens", "exports", "requires", "transitive", "to", "uses", "provides", "with", "_"])

# Types every generated class names unqualified: java.lang's, and the package's own runtime.
RUNTIME_CLASSES = frozenset({"CatalogValue", "UnknownValueException", "Deprecation", "Retirement", "Status",
                             "Rows", "Refs"})
JAVA_LANG = frozenset({"Object", "String", "Integer", "Long", "Boolean", "Math", "System", "Class",
                       "Override", "Deprecated", "SuppressWarnings", "FunctionalInterface", "SafeVarargs",
                       "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException",
                       "Error", "Throwable", "Character", "Number", "Enum", "Record", "Runnable", "Thread",
                       "Iterable", "Comparable", "CharSequence", "Void", "Byte", "Short", "Float", "Double",
                       "StringBuilder", "Package", "Module", "Process", "Runtime"})
# Imported or qualified in the generated classes.
IMPORTED = frozenset({"List", "Map", "HashMap", "Optional", "Objects", "JsonCreator", "JsonValue", "Arrays"})

# Methods every generated catalog class has: a declared field named like one gets the suffix.
MEMBER_METHODS = frozenset({
    "value", "name", "message", "description", "since", "docUrl", "status", "deprecation", "retirement",
    "successors", "migrate", "isKnown", "isDeprecated", "isRetired", "catalogId", "values", "of",
    "ofKnown", "wireValue", "equals", "hashCode", "toString", "getClass", "wait", "notify", "notifyAll", "clone",
    "finalize", "row", "index", "byValue", "load", "entries",
})

CLASS = Naming("java", "class", "pascal", JAVA_KEYWORDS | RUNTIME_CLASSES | JAVA_LANG | IMPORTED)
MEMBER = Naming("java", "member", "keep", JAVA_KEYWORDS | {"CATALOG_ID", "COUNT", "WIDTH", "KNOWN", "ALL", "ROWS", "VALUES", "ALL_VALUES"})
FIELD = Naming("java", "field", "camel", JAVA_KEYWORDS | MEMBER_METHODS)
