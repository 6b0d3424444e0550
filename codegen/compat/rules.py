"""The compatibility rules: one table, each rule a stable ID, a tier, a bump, a category and a purpose.

Each rule compares one (published, current) pair - of catalogs, or of whole bundles for
catalog sets and envelopes - and yields hits that state a fact in the past tense. Modelled on
buf's breaking-change rules: a table anyone can read, and IDs that never change meaning.
Direction follows oasdiff: a set of values clients receive may narrow, never widen when closed.
"""

from __future__ import annotations

from collections.abc import Iterator

from codegen.compat import entries as e
from codegen.compat import reserved as r
from codegen.compat import shape as s
from codegen.compat.finding import CATEGORIES, Bump, Finding, Hit, Rule, Tier

__all__ = ["CATEGORIES", "CONTENT_RULE", "RULES", "VERSION_RULE", "Bump", "Finding", "Rule", "Tier", "rule"]

B: Tier = "breaking"
D: Tier = "dangerous"
S: Tier = "safe"


def _none(old: object, new: object) -> Iterator[Hit]:
    """The gate itself raises these findings; no pair of catalogs does."""
    return iter(())

RULES: tuple[Rule, ...] = (
    Rule("CATALOG_REMOVED", B, "major", "WIRE", "a catalog was removed", s.catalog_removed, "bundle"),
    Rule("ENTRY_REMOVED", B, "major", "WIRE", "an entry was deleted instead of retired", e.entry_removed),
    Rule("ENTRY_RENAMED", B, "major", "WIRE", "a value kept its meaning under a new name", e.entry_renamed),
    Rule("ENTRY_VALUE_CHANGED", B, "major", "WIRE", "a name now stands for another value", e.entry_repointed),
    Rule("RETIRED_VALUE_REUSED", B, "major", "WIRE", "a retired value was given to another entry", r.retired_value_reused),
    Rule("RESERVED_VALUE_USED", B, "major", "RESERVED", "an entry took a value or name the catalog had reserved", r.reserved_used),
    Rule("VALUE_ADDED_TO_CLOSED", B, "major", "WIRE", "a value was added to a closed catalog", e.value_added_to_closed),
    Rule("CATALOG_KIND_CHANGED", B, "major", "API", "a catalog switched between integer and string values", s.kind_changed),
    Rule("CATALOG_CLOSED", B, "major", "API", "an open catalog was closed", s.catalog_closed),
    Rule("CATALOG_OPENED", B, "major", "API", "a closed catalog was opened (parse() returns Unknown too)", s.catalog_opened),
    Rule("FIELD_REMOVED", B, "major", "API", "a declared field was removed", s.field_removed),
    Rule("FIELD_TYPE_CHANGED", B, "major", "API", "a declared field changed type or target catalog", s.field_type_changed),
    Rule("FIELD_MADE_OPTIONAL", B, "major", "API", "a required declared field became optional", s.field_made_optional),
    Rule("FIELD_ENUM_WIDENED", B, "major", "API", "a string field's enum admits more values", s.field_enum_widened),
    Rule("PARAMETER_ADDED", B, "major", "API", "a message parameter was added to an entry (its typed helpers demand it)", e.parameter_added),
    Rule("PARAMETER_REMOVED", B, "major", "API", "a message parameter was removed from an entry (typed callers still pass it)", e.parameter_removed),
    Rule("PARAMETER_TYPE_CHANGED", B, "major", "API", "a message parameter changed type", e.parameter_type_changed),
    Rule("ENTRY_FIELD_CHANGED", B, "major", "WIRE", "an entry's typed field value changed (status, group, enum or pattern string)", e.field_value_changed),
    Rule("RETIREMENT_UNDONE", B, "major", "LIFECYCLE", "a retired entry came back", e.retirement_undone),
    Rule("SUCCESSOR_TARGETS_CHANGED", B, "major", "LIFECYCLE", "the catalogs successors point to changed (the successor type)", e.successor_targets_changed),
    Rule("ENVELOPE_REMOVED", B, "major", "ENVELOPE", "an envelope was removed", s.envelope_removed, "bundle"),
    Rule("ENVELOPE_SHAPE_CHANGED", B, "major", "ENVELOPE", "an envelope's wrapper or body name changed", s.envelope_shape_changed, "bundle"),
    Rule("PROPERTY_REMOVED", B, "major", "ENVELOPE", "an envelope property was removed", s.property_removed, "bundle"),
    Rule("PROPERTY_MADE_OPTIONAL", B, "major", "ENVELOPE", "a required envelope property became optional", s.property_made_optional, "bundle"),
    Rule("PROPERTY_TYPE_CHANGED", B, "major", "ENVELOPE", "an envelope property changed type, items or catalog", s.property_type_changed, "bundle"),
    Rule("DEPRECATION_UNDONE", D, "minor", "LIFECYCLE", "a deprecation was withdrawn", e.deprecation_undone),
    Rule("REPLACEMENT_CHANGED", D, "minor", "LIFECYCLE", "a deprecated entry's replacement changed", e.replacement_changed),
    Rule("SUCCESSORS_CHANGED", D, "minor", "LIFECYCLE", "an entry's successors changed", e.successors_changed),
    Rule("RESERVATION_REMOVED", D, "minor", "RESERVED", "a reserved value, range or name was released", r.reservation_removed),
    Rule("ENTRY_ORDER_CHANGED", D, "minor", "API", "entries were reordered (enum iteration order)", e.entry_order_changed),
    Rule("FIELD_ENUM_NARROWED", D, "minor", "API", "a string field's enum admits fewer values", s.field_enum_narrowed),
    Rule("FIELD_RANGE_WIDENED", D, "minor", "API", "an integer field's min/max admits more values", s.field_range_widened),
    Rule("FIELD_PATTERN_CHANGED", D, "minor", "API", "a string field's pattern changed", s.field_pattern_changed),
    Rule("PROPERTY_FORMAT_CHANGED", D, "minor", "ENVELOPE", "an envelope property's format or pattern changed", s.property_format_changed, "bundle"),
    Rule("CATALOG_ADDED", S, "minor", "WIRE", "a catalog was added", s.catalog_added, "bundle"),
    Rule("ENTRY_ADDED", S, "minor", "WIRE", "an entry was added to an open catalog", e.entry_added),
    Rule("ENTRY_DEPRECATED", S, "minor", "LIFECYCLE", "an entry was deprecated", e.entry_deprecated),
    Rule("ENTRY_RETIRED", S, "minor", "LIFECYCLE", "an entry was retired as a tombstone", e.entry_retired),
    Rule("ENTRY_FIELD_FILLED", S, "minor", "WIRE", "an optional typed field absent from an entry was filled in", e.field_value_filled),
    Rule("RESERVATION_ADDED", S, "minor", "RESERVED", "a value, range or name was reserved", r.reservation_added),
    Rule("FIELD_ADDED", S, "minor", "API", "a declared field was added", s.field_added),
    Rule("FIELD_MADE_REQUIRED", S, "minor", "API", "an optional declared field became required", s.field_made_required),
    Rule("FIELD_RANGE_NARROWED", S, "minor", "API", "an integer field's min/max admits fewer values", s.field_range_narrowed),
    Rule("ENVELOPE_ADDED", S, "minor", "ENVELOPE", "an envelope was added", s.envelope_added, "bundle"),
    Rule("PROPERTY_ADDED", S, "minor", "ENVELOPE", "an envelope property was added", s.property_added, "bundle"),
    Rule("PROPERTY_MADE_REQUIRED", S, "minor", "ENVELOPE", "an optional envelope property became required", s.property_made_required, "bundle"),
    Rule("LIFECYCLE_CHANGED", S, "patch", "LIFECYCLE", "an entry's since, or a deprecation's or retirement's since or note, changed", e.lifecycle_changed),
    Rule("TEXT_CHANGED", S, "patch", "DOCS", "an entry's message, description, provenance, free-text field or parameter description changed", e.text_changed),
    Rule("CATALOG_TEXT_CHANGED", S, "patch", "DOCS", "a catalog's title, description, publisher, sources, notes or field descriptions changed", s.catalog_text_changed),
    Rule("ENVELOPE_TEXT_CHANGED", S, "patch", "DOCS", "an envelope's or property's description changed", s.envelope_text_changed, "bundle"),
)

#: Fires when the bundle content changed and no other rule said so: any change needs a patch.
CONTENT_RULE = Rule("CONTENT_CHANGED", S, "patch", "CONTENT", "the published content changed where no other rule looks", _none, "bundle")
#: Fires when the project version is below what the findings need (not a comparison rule).
VERSION_RULE = Rule("VERSION_TOO_LOW", B, "patch", "CONTENT", "the project version is below the version the changes need", _none, "bundle")


def rule(rule_id: str) -> Rule | None:
    """The rule with this id (the content and version rules included)."""
    return next((x for x in (*RULES, CONTENT_RULE, VERSION_RULE) if x.id == rule_id), None)
