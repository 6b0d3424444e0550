"""`codegen context`: what a template target's templates read, as JSON, or its JSON Schema."""

from __future__ import annotations

import argparse
import json
import sys

from codegen.diagnostics import EXIT_INVALID, EXIT_OK, EXIT_USAGE


def cmd_context(args: argparse.Namespace) -> int:
    """Print the context for the spec (naming from --naming or a configured --target), or --schema."""
    from codegen.targets.templated import naming
    from codegen.targets.templated.context import build, context_schema

    if args.schema:
        sys.stdout.write(json.dumps(context_schema(), indent=2, ensure_ascii=False) + "\n")
        return EXIT_OK
    from codegen.cli import _load, _report

    spec = _load(args.spec)
    if spec is None:
        return EXIT_INVALID
    name = args.naming or "keep"
    if args.target:
        settings = spec.targets.get(args.target)
        if settings is None or "templates" not in settings:
            templated = [t for t, s in spec.targets.items() if "templates" in s]
            print(f"error G001: '{args.target}' is not a template target of the project file\n"
                  f"    hint: template targets: {', '.join(templated) or 'none'}", file=sys.stderr)
            return EXIT_USAGE
        name = str(settings.get("naming", "keep"))
    rules = naming.table(name)
    if rules is None:
        print(f"error T004: naming '{name}' is not known\n    hint: use one of: {', '.join(naming.choices())}",
              file=sys.stderr)
        return EXIT_USAGE
    context, diags = build(spec, name, rules)
    _report(diags)
    if any(d.level == "error" for d in diags):
        return EXIT_INVALID
    sys.stdout.write(json.dumps(context, indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK
