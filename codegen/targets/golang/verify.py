"""Verify the Go module natively: a small program built against it prints every member."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from codegen.model import Spec
from codegen.render import environment
from codegen.render import render as render_template
from codegen.targets import Settings, Skip
from codegen.verify.compare import Table, diff_tables, expected, field_names

TEMPLATES = Path(__file__).resolve().parent / "templates"


def dump_source(spec: Spec, settings: Settings) -> str:
    """The Go program that prints the generated module's catalogs as JSON."""
    from codegen.targets.golang import FILTERS, view

    pkg, _ = view.build(spec, settings)
    return render_template(environment(TEMPLATES, FILTERS), "dump.go.j2", p=pkg)


def go_env(**extra: str) -> dict[str, str]:
    """The environment for the go command: no network, no -mod flag (workspaces refuse it)."""
    env = {k: v for k, v in os.environ.items() if k != "GOWORK"}
    return {**env, "GOFLAGS": "-buildvcs=false", "GOPROXY": "off", "GOTOOLCHAIN": "local", **extra}


def workspace(root: Path, modules: list[Path], go: str = "1.21") -> Path:
    """A go.work under root that uses each module folder."""
    uses = "".join(f"\t{m.resolve().as_posix()}\n" for m in modules)
    path = root / "go.work"
    path.write_text(f"go {go}\n\nuse (\n{uses})\n", encoding="utf-8")
    return path


def parse_dump(stdout: str) -> Table:
    """The table the dump program printed."""
    table: Table = json.loads(stdout)
    return table


def verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    """Build and run the dump program against the module in out; the differences with the spec."""
    go = shutil.which("go")
    if go is None:
        raise Skip("go is not installed")
    with tempfile.TemporaryDirectory(prefix="codegen-go-verify-") as tmp:
        root = Path(tmp)
        dump = root / "dump"
        dump.mkdir()
        (dump / "go.mod").write_text("module codegen.invalid/dump\n\ngo 1.21\n", encoding="utf-8")
        (dump / "main.go").write_text(dump_source(spec, settings), encoding="utf-8")
        work = workspace(root, [dump, out])
        proc = subprocess.run([go, "run", "."], cwd=dump, capture_output=True, text=True, encoding="utf-8",
                              env=go_env(GOWORK=str(work)), timeout=600, check=False)
    if proc.returncode:
        raise RuntimeError(f"building the Go module in {out} failed:\n{proc.stderr.strip()}")
    return diff_tables("go", expected(spec, "name"), parse_dump(proc.stdout), field_names(spec))
