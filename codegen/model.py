"""The neutral catalog model: validated spec data that knows no target."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

ValueKind = Literal["integer", "string"]
FieldType = Literal["integer", "string", "boolean", "ref", "ref_list"]


def catalog_page(catalog_id: str) -> str:
    """A catalog's page on the documentation site, relative to the site's root."""
    return f"{catalog_id}.html"


def entry_page(catalog_id: str, name: str) -> str:
    """An entry's address on the documentation site, relative to the site's root."""
    return f"{catalog_page(catalog_id)}#{name}"


@dataclass(frozen=True, order=True, slots=True)
class Ref:
    """A reference to an entry, by catalog id and entry name."""

    catalog: str
    name: str

    def __str__(self) -> str:
        return f"{self.catalog}.{self.name}"


FieldValue = int | str | bool | Ref | tuple[Ref, ...]

#: Finds the line and column of a YAML path in a spec file (key=True: of the key).
Where = Callable[..., tuple[int, int]]


@dataclass(frozen=True, slots=True)
class FieldDecl:
    """A typed field that entries of a catalog carry."""

    name: str
    type: FieldType
    description: str = ""
    required: bool = False
    min: int | None = None
    max: int | None = None
    enum: tuple[str, ...] | None = None
    pattern: str | None = None
    catalog: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    url: str
    title: str = ""
    retrieved: str = ""
    note: str = ""


@dataclass(frozen=True, slots=True)
class ValueRange:
    """A named, inclusive range of an integer catalog's values (a group of codes)."""

    name: str
    min: int
    max: int
    description: str = ""

    def __contains__(self, value: object) -> bool:
        return type(value) is int and self.min <= value <= self.max


@dataclass(frozen=True, slots=True)
class Deprecation:
    since: str
    replacement: Ref | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class Retirement:
    since: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Alternative:
    """What another source says where sources disagree."""

    field: str
    value: int | str
    source: str
    note: str = ""


@dataclass(frozen=True, slots=True)
class Parameter:
    """A value a message names as `{name}`, filled in where the error occurs."""

    name: str
    type: Literal["string", "integer"]
    description: str = ""


@dataclass(frozen=True, slots=True)
class Entry:
    name: str
    value: int | str
    message: str
    since: str
    description: str = ""
    fields: dict[str, FieldValue] = field(default_factory=dict)
    deprecated: Deprecation | None = None
    retired: Retirement | None = None
    successors: tuple[Ref, ...] = ()
    provenance: str = ""
    alternatives: tuple[Alternative, ...] = ()
    line: int = 0
    parameters: tuple[Parameter, ...] = ()  # the message is a template when there are any

    @property
    def status(self) -> Literal["active", "deprecated", "retired"]:
        """Lifecycle state: retired wins over deprecated."""
        if self.retired:
            return "retired"
        return "deprecated" if self.deprecated else "active"


@dataclass(frozen=True, slots=True)
class Reserved:
    """Values, inclusive value ranges and names no entry of the catalog may use."""

    values: tuple[int | str, ...] = ()
    ranges: tuple[tuple[int, int], ...] = ()
    names: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.values or self.ranges or self.names)


@dataclass(frozen=True, slots=True)
class Catalog:
    id: str
    title: str
    publisher: str  # "" for a team's own catalog
    values: ValueKind
    open: bool
    file: str
    sources: tuple[Source, ...] = ()
    description: str = ""
    fields: tuple[FieldDecl, ...] = ()
    notes: tuple[str, ...] = ()
    entries: tuple[Entry, ...] = ()
    ranges: tuple[ValueRange, ...] = ()
    reserved: Reserved = field(default_factory=Reserved)
    shown: str = ""  # the file's path as the user gave it (relative to the working directory)
    where: Where | None = field(default=None, compare=False, repr=False)

    def at(self, *path: str | int, key: bool = False) -> tuple[str, int, int]:
        """File (as the user gave it), line and column of a YAML path in this catalog's file
        (a catalog built without its YAML knows only the line of each entry)."""
        if self.where is not None:
            line, col = self.where(path, key=key)
        elif path[:1] == ("entries",) and isinstance(path[1], int) and path[1] < len(self.entries):
            line, col = self.entries[path[1]].line, 1
        else:
            line, col = 1, 1
        return self.shown or self.file, line, col

    def entry(self, name: str) -> Entry | None:
        """The entry with this name, if any."""
        return next((e for e in self.entries if e.name == name), None)


@dataclass(frozen=True, slots=True)
class EnvelopeProperty:
    name: str
    description: str = ""
    required: bool = False
    catalog: str | None = None
    use: Literal["value", "name"] = "value"
    type: str | None = None
    format: str | None = None
    pattern: str | None = None
    items: str | None = None
    line: int = 0  # in the project file


@dataclass(frozen=True, slots=True)
class Envelope:
    """A response shape that carries catalog values."""

    name: str
    description: str
    properties: tuple[EnvelopeProperty, ...]
    wrapper: str | None = None
    body_name: str | None = None
    standard: Literal["rfc9457", "aip193"] | None = None  # a standard error shape, built from `catalog`
    catalog: str | None = None  # a standard envelope: the catalog whose entries are its kinds of error
    type_base: str = ""  # RFC 9457: the base of each entry's `type` URI (default: the docs base_url)
    status_field: str | None = None  # the catalog's integer field that holds the HTTP status
    domain: str = ""  # AIP-193: ErrorInfo.domain
    status_catalog: str | None = None  # AIP-193: the closed catalog of Status.status values, if any
    line: int = 0  # in the project file


@dataclass(frozen=True, slots=True, weakref_slot=True)  # the bundle memo holds it weakly
class Spec:
    """A whole validated spec: the project settings and every catalog."""

    version: str
    catalogs: tuple[Catalog, ...]
    targets: dict[str, dict[str, Any]]  # settings by target name, in project-file order
    output_root: str
    envelopes: tuple[Envelope, ...] = ()
    baseline: str | None = None
    project_file: str = "codegen.yaml"
    project_dir: str = ""  # the folder of the project file: inputs some targets read beside it (release history)
    compat: dict[str, Any] = field(default_factory=dict)  # the project file's compat: section
    lint: dict[str, Any] = field(default_factory=dict)  # the project file's lint: section
    changelog: str = "../CHANGELOG.md"
    project_shown: str = ""  # the project file's path as the user gave it
    root_shown: str = ""  # the output root's path as the user would type it
    project_where: Where | None = field(default=None, compare=False, repr=False)

    def at(self, *path: str | int, key: bool = False) -> tuple[str, int, int]:
        """File (as the user gave it), line and column of a YAML path in the project file."""
        line, col = self.project_where(path, key=key) if self.project_where else (1, 1)
        return self.project_shown or self.project_file, line, col

    def catalog(self, catalog_id: str) -> Catalog | None:
        """The catalog with this id, if any."""
        return next((c for c in self.catalogs if c.id == catalog_id), None)

    def doc_url(self, catalog_id: str, name: str | None = None) -> str | None:
        """The published page of an entry (`<base_url>/<catalog id>.html#<NAME>`), or of the
        catalog without a name, when the docs target gives the site's base URL; the address
        never changes once published."""
        base = self.targets.get("docs", {}).get("base_url")
        if not base:
            return None
        return f"{base}/{catalog_page(catalog_id) if name is None else entry_page(catalog_id, name)}"

    def resolve(self, ref: Ref) -> Entry | None:
        """The entry a reference points to, if it exists."""
        catalog = self.catalog(ref.catalog)
        return catalog.entry(ref.name) if catalog else None
