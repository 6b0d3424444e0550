"""Safe, position-aware YAML loading that refuses the YAML 1.1 traps.

PyYAML resolves `NO` to False, `010` to 8, `1:30` to 90 and keeps the last of
two duplicate keys. A spec that says any of those almost certainly meant
something else, so each is an error with its location and a fix.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import TYPE_CHECKING, Any

from codegen.diagnostics import Diagnostic
from codegen.spec.fastyaml import entry_lines, fast_load, key_line


def _lazy_module(name: str) -> ModuleType:
    """The module, executed on its first attribute access: a spec the fast path reads never
    pays for PyYAML's import (a fifth of the no-change run)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:  # pragma: no cover - PyYAML is a dependency
        raise ImportError(name)
    spec.loader = importlib.util.LazyLoader(spec.loader)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


if TYPE_CHECKING:
    import yaml
else:
    yaml = _lazy_module("yaml")


def _loader() -> type:
    """libyaml's loader (~7x faster), else PyYAML's own when libyaml is missing."""
    return getattr(yaml, "CSafeLoader", None) or yaml.SafeLoader

MAX_BYTES = 32 * 1024 * 1024
MAX_DEPTH = 64
MAX_NODES = 2_000_000

_T = "tag:yaml.org,2002:"
_DECIMAL = re.compile(r"[-+]?(0|[1-9][0-9]*)\Z")
_BOOL_WORDS = {"true", "false", "True", "False", "TRUE", "FALSE"}

Path = tuple[str | int, ...]


@dataclass
class Document:
    """Plain data plus the YAML node tree it came from, for positions (1-based) on demand."""

    file: str
    data: Any
    root: yaml.Node | None = None
    skip: frozenset[int] = frozenset()  # entries that failed the schema: no semantic checks
    text: str = ""  # kept when the fast path parsed it: the node tree is composed on demand
    _lines: list[int] | None = None

    def _tree(self) -> yaml.Node | None:
        if self.root is None and self.text:
            self.root = yaml.compose(self.text, Loader=_loader())
        return self.root

    def entry_line(self, index: int) -> int:
        """Line of entries[index], from the text when it has the usual shape (no composing)."""
        if self.root is None and self.text and self._lines is None:
            self._lines = entry_lines(self.text, len(self.data["entries"])) or []
        if self._lines:
            return self._lines[index]
        return self.where(("entries", index))[0]

    def key_line(self, path: tuple[str, ...]) -> int:
        """Line of the key at path, from the text when it has the usual shape (no composing)."""
        found = key_line(self.text, path) if self.root is None and self.text else None
        return found if found is not None else self.where(path, key=True)[0]

    def node_at(self, path: Path, *, key: bool = False) -> yaml.Node | None:
        """The node at path (its key node with key=True), else the nearest existing parent."""
        node = found = self._tree()
        for i, step in enumerate(path):
            last = i == len(path) - 1
            if isinstance(node, yaml.MappingNode):
                pair = next(((k, v) for k, v in node.value if isinstance(k, yaml.ScalarNode) and k.value == step), None)
                if pair is None:
                    return found
                node = pair[0] if (key and last) else pair[1]
            elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
                node = node.value[step]
            else:
                return found
            found = node
        return found

    def where(self, path: Path, *, key: bool = False) -> tuple[int, int]:
        """Line and column of the value (or key) at path, else of its nearest parent."""
        node = self.node_at(path, key=key)
        if node is None:
            return 1, 1
        return node.start_mark.line + 1, node.start_mark.column + 1

    def paths_at(self, line: int, col: int) -> list[Path]:
        """Every value or key path whose node starts at (line, col): for mapping diagnostics back."""
        out: list[Path] = []
        root = self._tree()
        stack: list[tuple[yaml.Node, Path]] = [(root, ())] if root is not None else []
        while stack:
            node, path = stack.pop()
            if (node.start_mark.line + 1, node.start_mark.column + 1) == (line, col):
                out.append(path)
            if isinstance(node, yaml.MappingNode):
                for k, v in node.value:
                    if isinstance(k, yaml.ScalarNode):
                        if (k.start_mark.line + 1, k.start_mark.column + 1) == (line, col):
                            out.append(path + (k.value,))
                        stack.append((v, path + (k.value,)))
            elif isinstance(node, yaml.SequenceNode):
                stack.extend((v, path + (i,)) for i, v in enumerate(node.value))
        return out


class _Builder:
    def __init__(self, file: str) -> None:
        self.doc = Document(file, None)
        self.errors: list[Diagnostic] = []
        self.nodes = 0

    def error(self, node: yaml.Node, code: str, message: str, hint: str) -> None:
        mark = node.start_mark
        self.errors.append(
            Diagnostic(self.doc.file, mark.line + 1, mark.column + 1, code, message, hint)
        )

    def build(self, node: yaml.Node, path: Path, depth: int) -> Any:
        self.nodes += 1
        if self.nodes > MAX_NODES or depth > MAX_DEPTH:
            raise _TooBig(node, depth > MAX_DEPTH)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            self.check_tag(node, _T + "seq")
            return [self.build(n, path + (i,), depth + 1) for i, n in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, path: Path, depth: int) -> dict[str, Any]:
        self.check_tag(node, _T + "map")
        out: dict[str, Any] = {}
        seen: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _T + "merge":
                self.error(key_node, "Y010", "merge keys (<<) are not supported",
                           "write the keys out; a spec must read the same in every YAML tool")
                continue
            key = self.scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                self.error(key_node, "Y007", f"mapping key {_show(key_node)} is not a string",
                           f'quote the key: "{_text(key_node)}"')
                continue
            if key in seen:
                first = seen[key].start_mark
                self.error(key_node, "Y002",
                           f"duplicate key '{key}' (first at line {first.line + 1}, column {first.column + 1})",
                           "remove or rename one of them; YAML would silently keep only the last")
                continue
            seen[key] = key_node
            out[key] = self.build(value_node, path + (key,), depth + 1)
        return out

    def check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected:
            self.error(node, "Y006", f"YAML tag {node.tag} is not allowed",
                       "a spec holds plain data only: remove the tag")

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag, text = node.tag, node.value
        plain = node.style in (None, "")  # the C loader reports plain style as ""
        if tag == _T + "str":
            return text
        if tag == _T + "null":
            return None
        if tag == _T + "bool":
            if plain and text not in _BOOL_WORDS:
                self.error(node, "Y003", f"'{text}' reads as a boolean in YAML 1.1",
                           f'write true/false for a boolean, or quote it for text: "{text}"')
                return text
            return text.lower() == "true"
        if tag == _T + "int":
            if plain and not _DECIMAL.match(text):
                self.error(node, "Y004", f"'{text}' reads as a non-decimal integer in YAML 1.1 (octal, hex, sexagesimal or with underscores)",
                           f'write the number in plain decimal, or quote it for text: "{text}"')
                return text
            return int(text)
        if tag == _T + "float":
            if ":" in text or text.lower().lstrip("+-") in {".inf", ".nan"}:
                self.error(node, "Y004", f"'{text}' reads as a special or sexagesimal float in YAML 1.1",
                           f'quote it for text: "{text}"')
                return text
            return float(text)
        if tag == _T + "timestamp":
            self.error(node, "Y005", f"'{text}' reads as a date in YAML",
                       f'quote it: "{text}"')
            return text
        self.error(node, "Y006", f"YAML tag {tag} is not allowed",
                   "a spec holds plain data only: remove the tag")
        return text


class _TooBig(Exception):
    def __init__(self, node: yaml.Node, deep: bool) -> None:
        self.node, self.deep = node, deep


def _text(node: yaml.Node) -> str:
    return str(getattr(node, "value", "")) if isinstance(node, yaml.ScalarNode) else "..."


def _show(node: yaml.Node) -> str:
    return f"'{_text(node)}'"


_FLOW = re.compile(r"[\[\]{}]")
_LEAD_FOLD = bytes.maketrans(b"\t?-", b"   ")


def _may_be_deep(text: str) -> bool:
    """A cheap upper bound on nesting; only text that might exceed MAX_DEPTH gets the event scan.

    Block nesting needs indentation or compact "- " and "? " indicators at the start of a line
    (a sequence may sit at its parent key's indentation, hence the factor two), plus one
    mapping level for a key after them; flow nesting needs open brackets. The bound exceeds
    MAX_DEPTH when a line starts with `need` such characters: one substring search.
    """
    depth = flow = 0
    for match in _FLOW.finditer(text) if "[" in text or "{" in text else ():
        flow = flow + 1 if match.group() in "[{" else max(flow - 1, 0)
        depth = max(depth, flow)
    need = (MAX_DEPTH - 4 - depth) // 2 + 1  # 2 * (lead + 1) + 2 + depth > MAX_DEPTH
    if need <= 0:
        return True
    lead = b"\n" + b" " * need
    return lead in (b"\n" + text.encode("utf-8", "surrogatepass")).translate(_LEAD_FOLD)


def _too_deep(text: str) -> tuple[int, int] | None:
    """Where nesting first exceeds MAX_DEPTH, found from the parser's events before composing.

    libyaml's parser keeps its own stack, but the composer recurses per level: a document
    nested a hundred thousand levels deep would overflow the C stack and kill the process.
    The event stream stops at the first level too deep, so this pass is cheap and bounded.
    Syntax errors are left to the composer, which reports them with their position."""
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_loader()):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                depth += 1
                mark = event.start_mark
                if depth > MAX_DEPTH and mark is not None:
                    return mark.line + 1, mark.column + 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None
    return None


def load_text(text: str, file: str) -> tuple[Document | None, list[Diagnostic]]:
    """Parse one YAML document into plain data with positions, or diagnostics."""
    if len(text) > MAX_BYTES:
        return None, [Diagnostic(file, 1, 1, "Y009", f"file is larger than {MAX_BYTES // (1024 * 1024)} MiB",
                                 "split the catalog into several files")]
    deep = _too_deep(text) if _may_be_deep(text) else None
    if deep is not None:
        return None, [Diagnostic(file, *deep, "Y009", f"document has nesting deeper than {MAX_DEPTH}",
                                 "a spec is flat data: remove the deep nesting or aliases")]
    data = fast_load(text)
    if data is not None:
        return Document(file, data, text=text), []
    try:
        node = yaml.compose(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "invalid YAML"
        return None, [Diagnostic(file, line, col, "Y001", f"not valid YAML: {problem}",
                                 "fix the YAML syntax at this position")]
    except (yaml.YAMLError, RecursionError) as exc:
        return None, [Diagnostic(file, 1, 1, "Y001", f"not valid YAML: {type(exc).__name__}",
                                 "fix the YAML syntax")]
    if node is None:
        return None, [Diagnostic(file, 1, 1, "Y008", "file is empty",
                                 "a spec file holds one YAML mapping; see the catalog schema")]
    builder = _Builder(file)
    builder.doc.root = node
    try:
        builder.doc.data = builder.build(node, (), 0)
    except _TooBig as big:
        mark = big.node.start_mark
        what = f"nesting deeper than {MAX_DEPTH}" if big.deep else f"more than {MAX_NODES} nodes (alias expansion?)"
        return None, [Diagnostic(file, mark.line + 1, mark.column + 1, "Y009", f"document has {what}",
                                 "a spec is flat data: remove the deep nesting or aliases")]
    # Data comes back even with errors so later stages can report theirs too.
    return builder.doc, builder.errors
