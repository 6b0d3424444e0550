"""`codegen verify` for the Rust crate: build a small program against it, run it, compare."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from codegen.cache import cache_dir
from codegen.model import Spec
from codegen.render import environment
from codegen.render import render as render_template
from codegen.targets import Settings, Skip
from codegen.targets.rust import view
from codegen.targets.rust.literals import rust_literal

TEMPLATES = Path(__file__).resolve().parent / "templates"


def program(spec: Spec, settings: Settings) -> str:
    """The verifier's main.rs for this spec."""
    crate, diags = view.build(spec, settings)
    if diags:
        raise ValueError("; ".join(d.message for d in diags))
    env = environment(TEMPLATES, (("rs", rust_literal),))
    return render_template(env, "verify_main.rs.j2", c=crate)


def target_dir() -> Path:
    """Where cargo builds: CARGO_TARGET_DIR when set, else a folder of codegen's cache."""
    if os.environ.get("CARGO_TARGET_DIR"):
        return Path(os.environ["CARGO_TARGET_DIR"])
    base = cache_dir() or Path(tempfile.gettempdir()) / "codegen"
    return base / "rust-target"


def run(spec: Spec, out: Path, settings: Settings) -> dict[str, list[dict[str, object]]]:
    """Build and run the program against the crate in out; its rows by catalog id."""
    cargo = shutil.which("cargo")
    if cargo is None:
        raise Skip("cargo is not installed")
    manifest = (
        '[package]\nname = "codegen-verify"\nversion = "0.0.0"\nedition = "2021"\npublish = false\n\n'
        f"[dependencies]\n{json.dumps(str(settings['crate']))} = {{ path = {json.dumps(str(out.resolve()))} }}\n\n"
        "[workspace]\n"
    )
    with tempfile.TemporaryDirectory(prefix="codegen-verify-rust-") as tmp:
        root = Path(tmp)
        (root / "src").mkdir()
        (root / "Cargo.toml").write_text(manifest, encoding="utf-8")
        (root / "src" / "main.rs").write_text(program(spec, settings), encoding="utf-8")
        env = {**os.environ, "CARGO_TARGET_DIR": str(target_dir()), "CARGO_TERM_COLOR": "never"}
        proc = subprocess.run([cargo, "run", "--quiet", "--offline", "--manifest-path", str(root / "Cargo.toml")],
                              capture_output=True, text=True, encoding="utf-8", env=env, timeout=900, check=False)
    if proc.returncode:
        raise RuntimeError(f"building the verifier against {out} failed:\n{proc.stderr.strip()[-4000:]}")
    table: dict[str, list[dict[str, object]]] = json.loads(proc.stdout)
    return table


def verify(spec: Spec, out: Path, settings: Settings) -> list[str]:
    """Every member and its metadata, as the crate gives them, against the spec."""
    from codegen.verify.compare import diff_tables, expected, field_names

    return diff_tables("rust", expected(spec, "name"), run(spec, out, settings), field_names(spec))
