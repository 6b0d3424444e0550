"""Checks beyond the schema: uniqueness, field types and ranges, references, versions."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from codegen.diagnostics import Diagnostic
from codegen.placeholders import TemplateError, placeholders
from codegen.spec.yamlsrc import Document

Path = tuple[str | int, ...]
Resolver = Callable[[str, str], bool | None]  # (catalog, name) -> exists? None: catalog unknown


@cache  # a catalog repeats a handful of versions thousands of times
def version_key(version: str) -> tuple[int, int, int]:
    """MAJOR.MINOR.PATCH of a semver string as a comparable tuple (pre-release ignored)."""
    core = re.split(r"[-+]", version, maxsplit=1)[0]
    major, minor, patch = (int(p) for p in core.split("."))
    return major, minor, patch


class CatalogChecker:
    """Semantic checks of one schema-valid catalog document."""

    def __init__(self, doc: Document, project_version: str | None) -> None:
        self.doc = doc
        self.head: dict[str, Any] = doc.data["catalog"]
        self.decls: dict[str, dict[str, Any]] = self.head.get("fields", {})
        self.project_version = project_version
        self.out: list[Diagnostic] = []

    def err(self, path: Path, code: str, message: str, hint: str, *, key: bool = False) -> None:
        line, col = self.doc.where(path, key=key)
        self.out.append(Diagnostic(self.doc.file, line, col, code, message, hint))

    def run(self, resolve: Resolver) -> list[Diagnostic]:
        """Every semantic problem of the catalog; references checked with resolve."""
        self.check_decls(resolve)
        self.check_ranges()
        self.check_unique()
        self.check_reserved()
        for i, entry in enumerate(self.doc.data["entries"]):
            if i not in self.doc.skip:
                self.check_entry(i, entry, resolve)
        return self.out

    def check_ranges(self) -> None:
        ranges: dict[str, dict[str, int]] = self.head.get("ranges", {})
        if ranges and self.head["values"] != "integer":
            self.err(("catalog", "ranges"), "C012", f"catalog {self.head['id']} holds reasons, which have no ranges",
                     "remove ranges, or make the catalog values: integer", key=True)
            return
        seen: list[tuple[str, dict[str, int]]] = []
        for name, body in ranges.items():
            if body["min"] > body["max"]:
                self.err(("catalog", "ranges", name), "C012", f"range {name} has min {body['min']} above max {body['max']}", "swap them")
            for other, prev in seen:
                if body["min"] <= prev["max"] and prev["min"] <= body["max"]:
                    self.err(("catalog", "ranges", name), "C012",
                             f"range {name} ({body['min']}..{body['max']}) overlaps range {other} ({prev['min']}..{prev['max']})",
                             "give each value one range")
            seen.append((name, body))

    def check_in_range(self, at: Path, entry: dict[str, Any]) -> None:
        ranges: dict[str, dict[str, int]] = self.head.get("ranges", {})
        value = entry.get("value")
        if not ranges or type(value) is not int or any(r["min"] <= value <= r["max"] for r in ranges.values()):
            return
        declared = ", ".join(f"{n} {r['min']}..{r['max']}" for n, r in ranges.items())
        self.err(at + ("value",), "C012", f"value {value} of {entry['name']} is outside every declared range ({declared})",
                 "use a value inside a range (codegen add picks one), or declare a range for it under catalog.ranges")

    def check_decls(self, resolve: Resolver) -> None:
        for name, decl in self.decls.items():
            at: Path = ("catalog", "fields", name)
            kind = decl["type"]
            if kind in ("ref", "ref_list"):
                if "catalog" not in decl:
                    self.err(at, "C006", f"field '{name}' of type {kind} names no catalog", "add catalog: <catalog_id>")
                elif resolve(decl["catalog"], "") is None:
                    self.err(at + ("catalog",), "C003", f"field '{name}' refers to unknown catalog '{decl['catalog']}'",
                             "use the id of a catalog listed in the project file")
            if "min" in decl and "max" in decl and decl["min"] > decl["max"]:
                self.err(at, "C007", f"field '{name}' has min {decl['min']} above max {decl['max']}", "swap them")
            if "pattern" in decl:
                try:
                    re.compile(decl["pattern"])
                except re.error as exc:
                    self.err(at + ("pattern",), "C006", f"field '{name}' has an invalid pattern: {exc}", "fix the regular expression")

    def check_unique(self) -> None:
        names: dict[str, int] = {}
        values: dict[Any, int] = {}
        string_kind = self.head["values"] == "string"
        for i, entry in enumerate(self.doc.data["entries"]):
            if i in self.doc.skip:
                continue
            name = entry["name"]
            if name in names:
                self.err(("entries", i, "name"), "C001",
                         f"duplicate name {name} in catalog {self.head['id']} (first at line {self.doc.where(('entries', names[name], 'name'))[0]})",
                         "give each entry its own name; retire an entry instead of reusing its name")
            else:
                names[name] = i
            value = entry.get("value", name if string_kind else None)
            if value is None or isinstance(value, bool):
                continue
            if value in values:
                first = self.doc.data["entries"][values[value]]["name"]
                self.err(("entries", i, "value"), "C002",
                         f"duplicate value {value!r} in catalog {self.head['id']}: {name} and {first} (line {self.doc.where(('entries', values[value]))[0]})",
                         "each value belongs to one entry; a retired entry keeps its value forever")
            else:
                values[value] = i

    def check_reserved(self) -> None:
        """No entry uses a reserved value, range or name; ranges run upwards (protobuf's `reserved`)."""
        res: dict[str, Any] = self.head.get("reserved", {})
        ranges = res.get("ranges", [])
        for j, (lo, hi) in enumerate(ranges):
            if lo > hi:
                self.err(("catalog", "reserved", "ranges", j), "C007", f"reserved range {lo}..{hi} runs downwards", "write [first, last]")
        values, names = set(res.get("values", [])), set(res.get("names", []))
        string_kind = self.head["values"] == "string"
        for i, entry in enumerate(self.doc.data["entries"]):
            value = entry.get("value", entry["name"] if string_kind else None)
            if i in self.doc.skip or isinstance(value, bool):
                continue
            hit = (entry["name"] if entry["name"] in names else value if value in values
                   else value if isinstance(value, int) and any(lo <= value <= hi for lo, hi in ranges) else None)
            if hit is not None:
                self.err(("entries", i, "name" if hit == entry["name"] else "value"), "C012",
                         f"{entry['name']} uses {hit!r}, which catalog {self.head['id']} reserves",
                         "reserved values and names are never used: pick another")

    def check_entry(self, i: int, entry: dict[str, Any], resolve: Resolver) -> None:
        at: Path = ("entries", i)
        self.check_value(at, entry)
        if self.head["values"] == "integer":
            self.check_in_range(at, entry)
        self.check_fields(at, entry, resolve)
        self.check_lifecycle(at, entry, resolve)
        if "parameters" in entry:
            self.check_template(at, entry)

    def check_template(self, at: Path, entry: dict[str, Any]) -> None:
        """A message with parameters is a template that names only declared parameters."""
        declared = entry["parameters"]
        try:
            used = placeholders(entry["message"])
        except TemplateError as exc:
            self.err(at + ("message",), "C013", f"message of {entry['name']} is not a template: {exc}",
                     "an entry with parameters has a template message: {name} for a parameter, {{ and }} for braces")
            return
        for name in used:
            if name not in declared:
                known = ", ".join(declared) or "none"
                self.err(at + ("message",), "C013",
                         f"message of {entry['name']} names {{{name}}}, which is not among its parameters ({known})",
                         f"declare it under parameters: {{{name}: {{type: string}}}}, or write {{{{{name}}}}} for literal braces")

    def check_value(self, at: Path, entry: dict[str, Any]) -> None:
        value = entry.get("value")
        if self.head["values"] == "integer":
            if value is None:
                self.err(at, "C010", f"entry {entry['name']} has no value", "integer catalogs need value: <integer>")
            elif type(value) is not int:
                self.err(at + ("value",), "C010", f"value of {entry['name']} must be an integer, got {value!r}",
                         "write the code as a plain decimal integer")
        elif value is not None and value != entry["name"]:
            self.err(at + ("value",), "C010", f"value {value!r} of reason {entry['name']} differs from its name",
                     "a reason's value is its name: remove value")

    def check_fields(self, at: Path, entry: dict[str, Any], resolve: Resolver) -> None:
        given = entry.get("fields", {})
        if not isinstance(given, dict):
            return
        for name, decl in self.decls.items():
            if decl.get("required") and name not in given and "retired" not in entry:
                self.err(at, "C009", f"entry {entry['name']} lacks required field '{name}'", f"add fields: {{{name}: ...}}")
        for name, value in given.items():
            declared = self.decls.get(name)
            where = at + ("fields", name)
            if declared is None:
                known = ", ".join(sorted(self.decls)) or "none"
                self.err(where, "C008", f"field '{name}' of {entry['name']} is not declared by catalog {self.head['id']}",
                         f"declare it under catalog.fields, or use one of: {known}", key=True)
                continue
            for problem, hint in _field_problems(declared, value, resolve):
                self.err(where, "C006" if "expected" in problem else "C007",
                         f"field '{name}' of {entry['name']}: {problem}", hint)

    def check_lifecycle(self, at: Path, entry: dict[str, Any], resolve: Resolver) -> None:
        since = entry["since"]
        if self.project_version and version_key(since) > version_key(self.project_version):
            self.err(at + ("since",), "C005", f"{entry['name']} is since {since}, later than the project version {self.project_version}",
                     "raise version in the project file, or fix since")
        for part in ("deprecated", "retired"):
            body: dict[str, Any] | None = entry.get(part)
            if body and version_key(body["since"]) < version_key(since):
                self.err(at + (part, "since"), "C005", f"{entry['name']} is {part} since {body['since']}, before it existed (since {since})",
                         f"{part}.since must not be earlier than since")
        refs: list[tuple[Path, str]] = [(at + ("successors", j), r) for j, r in enumerate(entry.get("successors", []))]
        if entry.get("deprecated", {}).get("replacement"):
            refs.append((at + ("deprecated", "replacement"), entry["deprecated"]["replacement"]))
        for where, ref in refs:
            catalog, _, name = ref.partition(".")
            if not resolve(catalog, name):
                self.err(where, "C003", f"{entry['name']} refers to {ref}, which does not exist",
                         "reference an existing entry as catalog_id.ENTRY_NAME")


def _field_problems(decl: dict[str, Any], value: Any, resolve: Resolver) -> Iterator[tuple[str, str]]:
    kind = decl["type"]
    if kind == "integer":
        if type(value) is not int:
            yield f"expected an integer, got {value!r}", "write a plain decimal integer"
            return
        if ("min" in decl and value < decl["min"]) or ("max" in decl and value > decl["max"]):
            yield f"{value} is outside {decl.get('min', '-inf')}..{decl.get('max', 'inf')}", "use a value inside the declared range"
    elif kind == "string":
        if not isinstance(value, str):
            yield f"expected a string, got {value!r}", f'quote it: "{value}"'
            return
        if "enum" in decl and value not in decl["enum"]:
            yield f"'{value}' is not one of: {', '.join(decl['enum'])}", "use a declared value or extend the field's enum"
        if "pattern" in decl and not _matches(decl["pattern"], value):
            yield f"'{value}' does not match {decl['pattern']}", "fix the value or the field's pattern"
    elif kind == "boolean":
        if not isinstance(value, bool):
            yield f"expected true or false, got {value!r}", "write true or false"
    else:
        names = value if kind == "ref_list" else [value]
        if (kind == "ref_list" and not isinstance(value, list)) or not all(isinstance(n, str) for n in names):
            yield f"expected {'a list of entry names' if kind == 'ref_list' else 'an entry name'} of {decl.get('catalog')}, got {value!r}", "name entries of the declared catalog"
            return
        for name in names:
            if decl.get("catalog") and resolve(decl["catalog"], name) is False:
                yield f"{decl['catalog']}.{name} does not exist", f"use the name of an entry of catalog {decl['catalog']}"


def _matches(pattern: str, value: str) -> bool:
    try:
        return re.search(pattern, value) is not None
    except re.error:
        return True  # reported once on the declaration
