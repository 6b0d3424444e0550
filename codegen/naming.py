"""Naming is data: per-target case transforms, reserved words and collision checks."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from codegen.diagnostics import Diagnostic
from codegen.model import Catalog

_WORD = re.compile(r"[A-Za-z][a-z0-9]*|[0-9]+")


def words(name: str) -> list[str]:
    """Split snake, kebab or camel case into lowercase words."""
    parts: list[str] = []
    for chunk in re.split(r"[^A-Za-z0-9]+", name):
        parts += [w.lower() for w in re.findall(r"[A-Z]+(?=[A-Z][a-z]|[0-9]|\b)|[A-Z]?[a-z]+|[A-Z]+|[0-9]+", chunk)]
    return parts


def pascal(name: str) -> str:
    """voipbin_reason -> VoipbinReason."""
    return "".join(w[:1].upper() + w[1:] for w in words(name))


def camel(name: str) -> str:
    """http_status -> httpStatus."""
    p = pascal(name)
    return p[:1].lower() + p[1:]


def snake(name: str) -> str:
    """httpStatus -> http_status."""
    return "_".join(words(name))


def upper(name: str) -> str:
    """voipbin_reason -> VOIPBIN_REASON (C macros and constants)."""
    return snake(name).upper()


_TRANSFORMS = {"pascal": pascal, "camel": camel, "snake": snake, "upper": upper}


@dataclass(frozen=True)
class Naming:
    """One target's rule for one kind of identifier: a transform plus reserved words."""

    target: str
    kind: str
    transform: str  # "keep", "pascal", "camel", "snake" or "upper"
    reserved: frozenset[str]
    escape_suffix: str = "_"

    def apply(self, name: str) -> str:
        """The identifier for name; a reserved result gets the escape suffix."""
        return self.escape(self.base(name))

    def base(self, name: str) -> str:
        """The identifier for name before reserved words are avoided."""
        out = name if self.transform == "keep" else _TRANSFORMS[self.transform](name)
        return "_" + out if out and out[0].isdigit() else out

    def escape(self, ident: str) -> str:
        """ident, or ident with the escape suffix when it is reserved (also for derived names)."""
        return ident + self.escape_suffix if ident in self.reserved else ident


#: Where the i-th name of some sources comes from, found only when a diagnostic needs it (file
#: as the user gave it, line, column): finding a position may mean composing the YAML tree.
Locate = Callable[[int], tuple[str, int, int]]
#: Names, and where each is written (one locator for all: nothing is made per name).
Sources = tuple[Sequence[str], Locate]


def check_collisions(naming: Naming, sources: Sources, scope: str) -> tuple[dict[str, str], list[Diagnostic]]:
    """Name each source name; report two that end up with one identifier, saying where each is."""
    names, locate = sources
    taken: dict[str, tuple[str, int]] = {}
    out: dict[str, str] = {}
    diags: list[Diagnostic] = []
    for index, source in enumerate(names):
        ident = naming.apply(source)
        out[source] = ident
        first = taken.setdefault(ident, (source, index))
        if first[0] != source:
            file, line, col = locate(index)
            first_file, first_line, _ = locate(first[1])
            diags.append(Diagnostic(
                file, line, col, "N001",
                f"{naming.target}: {naming.kind} '{source}' becomes '{ident}', "
                f"which '{first[0]}' ({first_file}:{first_line}) already has in {scope}",
                "rename one of them; a published name never changes, so rename the newer one"))
    return out, diags


def catalog_ids(catalogs: Iterable[Catalog]) -> Sources:
    """Each catalog's id, and where the id is written."""
    listed = list(catalogs)
    return [c.id for c in listed], lambda i: listed[i].at("catalog", "id")


def entry_names(catalog: Catalog) -> Sources:
    """Each entry's name, and where the name is written."""
    return [e.name for e in catalog.entries], lambda i: catalog.at("entries", i, "name")


def field_names(catalog: Catalog) -> Sources:
    """Each declared field's name, and where it is declared."""
    return [f.name for f in catalog.fields], lambda i: catalog.at("catalog", "fields", catalog.fields[i].name, key=True)


def name_catalog(
    catalog: Catalog, members: Naming, fields: Naming, taken: frozenset[str], code: str, scope: str
) -> tuple[dict[str, str], dict[str, str], list[Diagnostic]]:
    """A catalog's member and field identifiers for one target, with every collision reported.

    taken holds the attributes the target's generated code already gives each member (or
    info record); a field named like one would shadow it, so it is refused with code.
    """
    keys, diags = check_collisions(members, entry_names(catalog), scope)
    attrs, more = check_collisions(fields, field_names(catalog), scope)
    diags += more
    diags += [
        Diagnostic(*catalog.at("catalog", "fields", decl.name, key=True), code,
                   f"{fields.target}: field '{decl.name}' of catalog {catalog.id} would shadow the generated "
                   f"attribute '{fields.base(decl.name)}'", "rename the field")
        for decl in catalog.fields if fields.base(decl.name) in taken
    ]
    return keys, attrs, diags


# --- the names the generated code itself uses, read from the templates ----------------------

# Per language: what to skip (comments, strings), what opens a string whose {…} / ${…}
# parts are code, and what an identifier looks like.
_PY_TOKENS = re.compile(
    r"(?P<skip>#[^\n]*)"
    r"|(?P<fstring>[fF][rR]?(?P<fq>\"\"\"|'''|\"|')(?P<fbody>(?:\\.|(?!(?P=fq)).)*?)(?P=fq))"
    r"|(?P<string>[rRbBuU]{0,2}(?P<q>\"\"\"|'''|\"|')(?:\\.|(?!(?P=q)).)*?(?P=q))"
    r"|(?P<attr>\.\s*[A-Za-z_]\w*)"
    r"|(?P<name>[A-Za-z_\x00][\w\x00]*)",
    re.DOTALL,
)
_JS_TOKENS = re.compile(
    r"(?P<skip>//[^\n]*|/\*.*?\*/)"
    r"|(?P<fstring>`(?P<fbody>(?:\\.|[^`\\])*)`)"
    r"|(?P<string>\"(?:\\.|[^\"\\\n])*\"|'(?:\\.|[^'\\\n])*')"
    r"|(?P<attr>\.\s*[A-Za-z_$][\w$]*)"
    r"|(?P<name>[A-Za-z_$\x00][\w$\x00]*)",
    re.DOTALL,
)
_INTERPOLATION = {"python": re.compile(r"\{([^{}]*)\}"), "c-like": re.compile(r"\$\{([^{}]*)\}")}
# Stands for what a {{ … }} expression inserts: a name it is part of (`_{{ m }}_info`) is
# not a fixed name of the generated code.
_HOLE = "\x00"
_CODE_TEMPLATES = {"python": (".py.j2", ".pyi.j2"), "c-like": (".ts.j2", ".js.j2")}  # not READMEs or configs


def template_names(folder: Path, language: str) -> frozenset[str]:
    """Every name the code of the templates in folder binds or reads (not attributes after a
    dot, not words inside comments or plain strings), language "python" or "c-like".

    Generated identifiers are checked against these, so a catalog or field can never take a
    local, helper, import or module name of the generated code; the set follows the
    templates as they change."""
    return _template_names(str(folder), language, _stamp(folder))


def _stamp(folder: Path) -> tuple[tuple[str, int, int], ...]:
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(folder.glob("*.j2")))


def _is_code(name: str, language: str) -> bool:
    return name.endswith(_CODE_TEMPLATES[language])


@functools.cache
def _template_names(folder: str, language: str, stamp: tuple[tuple[str, int, int], ...]) -> frozenset[str]:
    import jinja2

    env = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)
    tokens = _PY_TOKENS if language == "python" else _JS_TOKENS
    names: set[str] = set()
    for name, _, _ in stamp:
        if not _is_code(name, language):
            continue
        source = (Path(folder) / name).read_text(encoding="utf-8")
        code = "".join(value if kind == "data" else _HOLE if kind == "variable_begin" else
                       " " if kind == "block_begin" else "" for _, kind, value in env.lex(source))
        names |= _code_names(code, tokens, _INTERPOLATION[language])
    return frozenset(names)


def _code_names(code: str, tokens: re.Pattern[str], interpolation: re.Pattern[str]) -> set[str]:
    names: set[str] = set()
    for match in tokens.finditer(code):
        if match["name"]:
            if _HOLE not in match["name"]:
                names.add(match["name"])
        elif match["fstring"]:
            for part in interpolation.findall(match["fbody"]):
                names |= _code_names(part, tokens, interpolation)
    return names
