"""Shared fixtures: the spec and the generated tree are built once per session."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from codegen.generate import generate, selected_targets
from codegen.model import Spec
from codegen.spec.load import load_spec
from tests.jvm_reactor import JVM_TARGETS, Case, aggregator, build, copy_consumer

ROOT = Path(__file__).resolve().parent.parent
SPEC_DIR = ROOT / "spec"
DATA = ROOT / "tests" / "data"
NODE_BIN = ROOT / "node_modules" / ".bin"


@pytest.fixture(scope="session")
def spec() -> Spec:
    """The project's own spec, validated."""
    loaded, diags = load_spec(SPEC_DIR)
    assert loaded is not None, "\n".join(d.render() for d in diags)
    return loaded


@pytest.fixture(scope="session")
def generated(spec: Spec) -> dict[str, str]:
    """Every generated file of every target, relative to the output root."""
    targets, _ = selected_targets(spec, None)
    outputs, diags = generate(spec, targets)
    assert not diags, diags
    return {path: text for files in outputs.values() for path, text in files.items()}


@pytest.fixture(scope="session")
def generated_tree(generated: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated files written to a fresh directory (the output root)."""
    root = tmp_path_factory.mktemp("generated")
    for rel, text in generated.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    return root


def node_tool(name: str) -> str:
    """A tool from the project's node_modules (installed by make test)."""
    path = NODE_BIN / name
    if not path.exists():
        pytest.fail(f"{path} missing: run `make test` (it runs npm ci)")
    return str(path)


def require(tool: str) -> str:
    """A command on PATH, or a clear failure naming it."""
    found = shutil.which(tool)
    if found is None:
        pytest.fail(f"{tool} is not installed")
    return found


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read or write the user's no-change cache."""
    monkeypatch.setenv("CODEGEN_CACHE_DIR", str(tmp_path_factory.mktemp("codegen-cache")))
    # Every cargo build of the tests (verifiers included) shares one target directory.
    monkeypatch.setenv("CARGO_TARGET_DIR", str(ROOT / ".tools" / "rust" / "target"))
    monkeypatch.delenv("CODEGEN_NO_CACHE", raising=False)


@dataclass
class Reactor:
    """The session's one Maven build over every JVM case."""

    root: Path
    cases: dict[str, Case]
    log: str
    returncode: int


@pytest.fixture(scope="session")
def jvm_reactor(spec: Spec, generated_tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Reactor:
    """Every JVM case generated and built by one offline `mvn verify` (the project's library in place)."""
    from tests import jvm_cases

    require("mvn")
    require("java")
    root = tmp_path_factory.mktemp("jvm")
    main = Case("main", spec, generated_tree)
    cases = {"main": main, **jvm_cases.write_all(root, main)}
    modules = [case.out / target for case in cases.values() for target in JVM_TARGETS if (case.out / target).is_dir()]
    proc = build(aggregator(root, [*modules, copy_consumer(root)]), spec.version, offline=True)
    log = proc.stdout + proc.stderr
    (root / "build.log").write_text(log, encoding="utf-8")
    return Reactor(root, cases, log, proc.returncode)
