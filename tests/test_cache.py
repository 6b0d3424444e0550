"""Speed caches: they change no output, survive corruption, and can be turned off."""

from __future__ import annotations

from pathlib import Path

import pytest

from codegen import cache


def test_compiled_code_is_cached_and_reused() -> None:
    calls: list[int] = []

    def source() -> str:
        calls.append(1)
        return "value = 6 * 7\n"

    for _ in range(2):
        namespace: dict[str, object] = {}
        exec(cache.compiled("test answer v1", source), namespace)
        assert namespace["value"] == 42
    assert calls == [1], "the second call read the cache"


def test_a_corrupt_cache_entry_is_recompiled(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path))
    cache.compiled("test corrupt", lambda: "x = 1\n")
    (entry,) = tmp_path.glob("codegen/code-*.marshal")
    entry.write_bytes(b"not marshal data")
    namespace: dict[str, object] = {}
    exec(cache.compiled("test corrupt", lambda: "x = 2\n"), namespace)
    assert namespace["x"] == 2


def test_no_cache_writes_nothing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path))
    monkeypatch.setenv("CODEGEN_NO_CACHE", "1")
    assert cache.cache_dir() is None
    cache.compiled("test off", lambda: "y = 1\n")
    assert not any(tmp_path.rglob("*"))


def test_a_computed_value_is_kept_under_its_key(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path))
    calls: list[bytes] = []

    def compute(key: bytes) -> dict[str, object]:
        calls.append(key)
        return {"key": key.decode(), "items": [1, 2]}

    for key in (b"a", b"a", b"b"):
        assert cache.computed("test", (key,), lambda key=key: compute(key)) == {"key": key.decode(), "items": [1, 2]}
    assert calls == [b"a", b"b"]
    # the parts of a key are kept apart: ("ab", "") is not ("a", "b")
    assert cache.computed("test", (b"a", b"b"), lambda: 1) == 1
    assert cache.computed("test", (b"ab", b""), lambda: 2) == 2
    for entry in tmp_path.glob("codegen/test-*.json"):
        entry.write_bytes(b"{not json")
    assert cache.computed("test", (b"a",), lambda: compute(b"a")) == {"key": "a", "items": [1, 2]}
    assert calls == [b"a", b"b", b"a"], "a corrupt entry is computed again"
