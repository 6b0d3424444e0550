"""Kotlin naming: identifiers, and the words and generated names they must avoid."""

from __future__ import annotations

from codegen.naming import Naming

_HARD_KEYWORDS = """
as break class continue do else false for fun if in interface is null object package return super
this throw true try typealias typeof val var when while
"""
KOTLIN_KEYWORDS = frozenset(_HARD_KEYWORDS.split())
# Names the generated files use unqualified: Kotlin's default imports and the serialization API.
USED_TYPES = frozenset({
    "Any", "Boolean", "Int", "Long", "String", "List", "Unit", "Nothing", "Deprecated", "ReplaceWith",
    "JvmInline", "Suppress", "KSerializer", "Serializable", "SerializationException", "PrimitiveKind",
    "PrimitiveSerialDescriptor", "SerialDescriptor", "Decoder", "Encoder", "Lazy",
})
# Members every generated value class has: a declared field named like one gets the suffix.
MEMBERS = frozenset({
    "value", "java", "isKnown", "name", "message", "description", "since", "docUrl", "status", "deprecation",
    "retirement", "successors", "toString", "equals", "hashCode", "known", "of", "ofKnown", "migrate",
    "serializer", "Companion",
})

CLASS = Naming("kotlin", "class", "pascal", KOTLIN_KEYWORDS | USED_TYPES)
MEMBER = Naming("kotlin", "member", "keep", KOTLIN_KEYWORDS | {"Companion"})
FIELD = Naming("kotlin", "field", "camel", KOTLIN_KEYWORDS | MEMBERS)
