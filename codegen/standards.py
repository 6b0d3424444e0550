"""Standard error shapes (RFC 9457 problems, AIP-193 errors): what every target computes the same way."""

from __future__ import annotations

from dataclasses import dataclass

from codegen.model import Catalog, Entry, Envelope, Spec

#: The google.rpc detail types an AIP-193 error carries, by their JSON `@type`.
ERROR_INFO_TYPE = "type.googleapis.com/google.rpc.ErrorInfo"
HELP_TYPE = "type.googleapis.com/google.rpc.Help"
#: The extension member of an RFC 9457 problem that carries the catalog value.
PROBLEM_MEMBER = "code"
PROBLEM_MEDIA_TYPE = "application/problem+json"


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of error of a standard envelope: an entry, its HTTP status and stable address."""

    entry: Entry
    status: int | None
    address: str  # the entry's page address: the RFC 9457 `type`, the AIP-193 help link

    @property
    def title(self) -> str:
        """The problem title / error message: the entry's message."""
        return self.entry.message


def page_address(catalog_id: str, name: str) -> str:
    """The stable address of an entry on the docs site, relative to the site (never changes)."""
    return f"{catalog_id}.html#{name}"


def address_base(spec: Spec, envelope: Envelope) -> str:
    """The base of the envelope's entry addresses: its type_base, else the docs base_url, else ''."""
    base = envelope.type_base or str(spec.targets.get("docs", {}).get("base_url", ""))
    return base.rstrip("/")


def standard_catalog(spec: Spec, envelope: Envelope) -> Catalog:
    """The catalog whose entries are the envelope's kinds of error (the loader checked it exists)."""
    catalog = spec.catalog(envelope.catalog or "")
    assert catalog is not None, envelope.catalog
    return catalog


def kinds(spec: Spec, envelope: Envelope) -> list[Kind]:
    """Every entry of the envelope's catalog that is not retired, in catalog order."""
    catalog = standard_catalog(spec, envelope)
    base = address_base(spec, envelope)
    out = []
    for entry in catalog.entries:
        if entry.retired:
            continue
        status = entry.fields.get(envelope.status_field or "")
        rel = page_address(catalog.id, entry.name)
        out.append(Kind(entry, status if type(status) is int else None, f"{base}/{rel}" if base else rel))
    return out


def status_name(spec: Spec, envelope: Envelope, code: int | None) -> str | None:
    """AIP-193: the value of the envelope's status catalog whose status field is this HTTP code."""
    catalog = spec.catalog(envelope.status_catalog or "")
    if catalog is None:
        return None
    found = [e for e in catalog.entries if e.fields.get(envelope.status_field or "") == code]
    return str(found[0].value) if found else None


def standard_envelopes(spec: Spec) -> list[Envelope]:
    """The envelopes declared in a standard shape, in project-file order."""
    return [e for e in spec.envelopes if e.standard]
