"""The lint rules: one small function per rule, each with a stable ID, a purpose and a default level.

A rule reads the validated spec and yields (catalog, entry or None, message, hint). Rules
check what the schema and semantic checks cannot: the shape AIP-193 gives reasons, a
catalog's message style, messages that say nothing, deprecations that leave users without
a way forward, HTTP statuses that disagree with the envelope status that carries them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from codegen.lint.shared_names import shared_member_name
from codegen.model import Catalog, Spec
from codegen.placeholders import looks_like_placeholders, placeholders

Level = Literal["error", "warning", "off"]
Hit = tuple[str, str | None, str, str]  # (catalog, entry, message, hint)
Options = Mapping[str, Any]
Bundle = Mapping[str, Any]  # a published release's JSON bundle

AIP193_MAX = 63
_WORDS = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Rule:
    id: str
    level: Level
    purpose: str
    check: Callable[[Spec, Options, Bundle | None], Iterator[Hit]]


def style_of(options: Options, catalog: Catalog) -> dict[str, str]:
    """The message style of a catalog: the project's lint.style, overridden per catalog."""
    base = {"period": "always", "case": "upper", **options.get("style", {})}
    return {**base, **options.get("catalogs", {}).get(catalog.id, {}).get("style", {})}


def reason_shape(spec: Spec, options: Options, baseline: Bundle | None) -> Iterator[Hit]:
    for catalog in spec.catalogs:
        if catalog.values != "string":
            continue
        for e in catalog.entries:
            if len(e.name) > AIP193_MAX:
                yield catalog.id, e.name, f"reason {e.name} is {len(e.name)} characters long (AIP-193 allows {AIP193_MAX})", \
                    "shorten it while it is unpublished; a published reason keeps its name"
            if e.name.endswith("_ERROR"):
                yield catalog.id, e.name, f"reason {e.name} ends in _ERROR, which every reason is", \
                    "AIP-193 reasons name the cause, e.g. QUOTA_EXCEEDED, not QUOTA_ERROR"


def message_period(spec: Spec, options: Options, baseline: Bundle | None) -> Iterator[Hit]:
    for catalog in spec.catalogs:
        want = style_of(options, catalog)["period"]
        for e in catalog.entries:
            text = e.message.rstrip()
            if want == "always" and text and not text.endswith((".", "!", "?")):
                yield catalog.id, e.name, f"message of {e.name} does not end with a period", \
                    f"end it with a period, or set lint.catalogs.{catalog.id}.style.period: never"
            elif want == "never" and text.endswith("."):
                yield catalog.id, e.name, f"message of {e.name} ends with a period", \
                    f"drop the period, or set lint.catalogs.{catalog.id}.style.period: always"


def message_case(spec: Spec, options: Options, baseline: Bundle | None) -> Iterator[Hit]:
    for catalog in spec.catalogs:
        want = style_of(options, catalog)["case"]
        for e in catalog.entries:
            first = e.message.lstrip()[:1]
            if not first.isalpha():
                continue
            if want == "upper" and first.islower():
                yield catalog.id, e.name, f"message of {e.name} starts lower-case", \
                    f"start it with a capital, or set lint.catalogs.{catalog.id}.style.case: lower"
            elif want == "lower" and first.isupper():
                yield catalog.id, e.name, f"message of {e.name} starts upper-case", \
                    f"start it lower-case, or set lint.catalogs.{catalog.id}.style.case: upper"


def message_repeats_name(spec: Spec, options: Options, baseline: Bundle | None) -> Iterator[Hit]:
    for catalog in spec.catalogs:
        for e in catalog.entries:
            if _WORDS.findall(e.message.lower()) == _WORDS.findall(e.name.lower().replace("_", " ")):
                yield catalog.id, e.name, f"message of {e.name} only repeats its name", \
                    "say what happened and what to do about it"


def deprecated_without_guidance(spec: Spec, options: Options, baseline: Bundle | None) -> Iterator[Hit]:
    for catalog in spec.catalogs:
        for e in catalog.entries:
            dep = e.deprecated
            if dep is not None and e.retired is None and dep.replacement is None and not dep.note:
                yield catalog.id, e.name, f"{e.name} is deprecated with neither a replacement nor a note", \
                    "add deprecated.replacement (catalog.NAME) or a note that says what to do instead"


def duplicate_message(spec: Spec, options: Options, baseline: Bundle | None) -> Iterator[Hit]:
    for catalog in spec.catalogs:
        seen: dict[str, str] = {}
        for e in catalog.entries:
            key = " ".join(e.message.lower().split()).rstrip(".")
            if key and key in seen:
                yield catalog.id, e.name, f"{e.name} has the same message as {seen[key]}", \
                    "tell the two apart in their messages, or merge them"
            seen.setdefault(key, e.name)


def http_status_mismatch(spec: Spec, options: Options, baseline: Bundle | None) -> Iterator[Hit]:
    """An envelope carrying two catalogs that both declare an integer field (http_status): each
    value of the first must be one the second can carry."""
    for env in spec.envelopes:
        carried = [spec.catalog(p.catalog) for p in env.properties if p.catalog]
        catalogs = [c for c in carried if c is not None]
        for reason in catalogs:
            for status in catalogs:
                if status is reason or status.open is True:
                    continue  # the status side must be a closed set to be a mapping
                for decl in reason.fields:
                    other = next((d for d in status.fields if d.name == decl.name and d.type == decl.type == "integer"), None)
                    if other is None:
                        continue
                    allowed = {s.fields.get(decl.name) for s in status.entries if s.retired is None}
                    for e in reason.entries:
                        value = e.fields.get(decl.name)
                        if value is not None and value not in allowed:
                            yield reason.id, e.name, (f"{e.name} has {decl.name} {value}, which no {status.id} carried by "
                                                      f"envelope {env.name} has"), \
                                f"use one of {sorted(v for v in allowed if isinstance(v, int))}, or add the status it needs"


def type_uri_changed(spec: Spec, options: Options, baseline: Bundle | None) -> Iterator[Hit]:
    """A published entry's page address is the `type` of its RFC 9457 problems and its help
    link: clients compare it, so it never changes once released."""
    for catalog_id, published in (baseline or {}).get("catalogs", {}).items():
        catalog = spec.catalog(catalog_id)
        if catalog is None:
            continue
        for old in published.get("entries", []):
            was = old.get("doc_url")
            if not was or catalog.entry(old["name"]) is None:
                continue
            now = spec.doc_url(catalog_id, old["name"])
            if now != was:
                yield catalog_id, old["name"], f"the address of {old['name']} changed from {was} to {now}", \
                    "keep targets.docs.base_url as released; a moved site redirects the old addresses instead"


def placeholder_undeclared(spec: Spec, options: Options, baseline: Bundle | None) -> Iterator[Hit]:
    """A message without parameters is plain text: a `{name}` in it was probably meant as one."""
    for catalog in spec.catalogs:
        for e in catalog.entries:
            if e.parameters:
                continue  # a template: the loader already holds it to its declared parameters
            for name in looks_like_placeholders(e.message):
                yield catalog.id, e.name, f"message of {e.name} names {{{name}}}, but {e.name} declares no parameters", \
                    f"declare it (parameters: {{{name}: {{type: string}}}}) so helpers fill it in, or accept it as plain text"


def parameter_unused(spec: Spec, options: Options, baseline: Bundle | None) -> Iterator[Hit]:
    for catalog in spec.catalogs:
        for e in catalog.entries:
            used = set(placeholders(e.message)) if e.parameters else set()
            for p in e.parameters:
                if p.name not in used:
                    yield catalog.id, e.name, f"parameter {p.name} of {e.name} is not named in its message", \
                        f"name it in the message as {{{p.name}}}, or remove it"


RULES: tuple[Rule, ...] = (
    Rule("REASON_SHAPE", "error", "a reason fits AIP-193: at most 63 characters, no trailing _ERROR", reason_shape),
    Rule("MESSAGE_PERIOD", "warning", "messages end with a period (or never do), as the catalog's style says", message_period),
    Rule("MESSAGE_CASE", "warning", "messages start upper-case (or lower-case), as the catalog's style says", message_case),
    Rule("MESSAGE_REPEATS_NAME", "warning", "a message says more than the entry's name", message_repeats_name),
    Rule("DEPRECATED_WITHOUT_GUIDANCE", "error", "a deprecated entry names its replacement or says what to do", deprecated_without_guidance),
    Rule("DUPLICATE_MESSAGE", "warning", "no two entries of a catalog share a message", duplicate_message),
    Rule("TYPE_URI_CHANGED", "error", "a published entry's page address (its problem type URI) stays the same", type_uri_changed),
    Rule("HTTP_STATUS_MISMATCH", "error", "an entry's HTTP status is one the envelope's status catalog carries", http_status_mismatch),
    Rule("PLACEHOLDER_UNDECLARED", "warning", "a {name} in a message is a declared parameter", placeholder_undeclared),
    Rule("PARAMETER_UNUSED", "warning", "every declared parameter is named in the message", parameter_unused),
    Rule("SHARED_MEMBER_NAME", "warning", "no two catalogs of the OpenAPI fragment share a member name (generators "
         "that put enum constants in one scope declare it twice)", shared_member_name),
)
