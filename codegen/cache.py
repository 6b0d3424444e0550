"""The user's cache directory, shared by every speed cache (none of them changes a byte of output).

CODEGEN_CACHE_DIR, else $XDG_CACHE_HOME/codegen, else ~/.cache/codegen; CODEGEN_NO_CACHE=1
turns every cache off. A cache that cannot be read or written only costs speed.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from types import CodeType
from typing import Any


def cache_dir() -> Path | None:
    """Where caches live; None when caching is off."""
    if os.environ.get("CODEGEN_NO_CACHE"):
        return None
    base = os.environ.get("CODEGEN_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "codegen"


def compiled(name: str, source: Callable[[], str]) -> CodeType:
    """Python code compiled from source(), cached as marshalled bytecode under a key of its text's inputs.

    name must already identify everything source() depends on (it is hashed with the Python
    version, which marshal's format follows)."""
    base = cache_dir()
    key = hashlib.sha256(f"{name}\0{sys.version}".encode()).hexdigest()[:32]
    path = base / f"code-{key}.marshal" if base else None
    if path is not None:
        try:
            code = marshal.loads(path.read_bytes())
            if isinstance(code, CodeType):
                return code
        except (OSError, ValueError, EOFError, TypeError):
            pass
    code = compile(source(), f"<codegen {name[:40]}>", "exec")
    if path is not None:
        _store(path, marshal.dumps(code))
    return code


def _store(path: Path, data: bytes) -> None:
    """Write a cache entry whole (a temporary file renamed over it), or not at all: a cache only saves time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    except OSError:
        pass


def computed(kind: str, key: Iterable[bytes], compute: Callable[[], Any]) -> Any:
    """compute()'s JSON value, kept under a hash of key and of codegen's own code.

    compute() must depend on nothing but the bytes of key and codegen itself."""
    base = cache_dir()
    if base is None:
        return compute()
    import orjson

    from codegen.fastpath import tool_fingerprint

    digest = hashlib.sha256(f"{kind}\0{tool_fingerprint()}\0".encode())
    for part in key:
        digest.update(len(part).to_bytes(8, "big") + part)
    path = base / f"{kind}-{digest.hexdigest()[:32]}.json"
    try:
        return orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        pass
    value = compute()
    _store(path, orjson.dumps(value))
    return value
