"""`codegen verify`: check a generated tree against its spec, target by target."""

from __future__ import annotations

import argparse
import sys

from codegen.diagnostics import EXIT_INVALID, EXIT_OK


def cmd_verify(args: argparse.Namespace) -> int:
    """Load each target natively, compare it with the spec, print differences; 0 when all match."""
    from codegen.cli import _load
    from codegen.spec.load import display_path, find_project
    from codegen.verify.compare import verify

    spec = _load(args.spec)
    if spec is None:
        return EXIT_INVALID
    root = (find_project(args.spec).parent / spec.output_root).resolve()
    failed = False
    for res in verify(spec, root):
        if res.skipped:
            print(f"{res.target}: skipped ({res.skipped})")
            continue
        for line in res.differences:
            print(line, file=sys.stderr)
        if res.differences:
            failed = True
            print(f"{res.target}: {len(res.differences)} difference(s)")
        else:
            print(f"{res.target}: ok ({res.entries} entries)")
    print(f"{display_path(root)}: " + ("differs from the spec" if failed else "matches the spec"))
    return EXIT_INVALID if failed else EXIT_OK
