"""`codegen targets`: every available target, where it comes from and its settings."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from codegen.diagnostics import EXIT_INVALID, EXIT_OK
from codegen.targets import Target, available


def describe(target: Target) -> dict[str, Any]:
    """A target as data: name, origin, summary, cost and each setting with its type and purpose."""
    schema = target.full_schema()
    required = set(schema.get("required", ()))
    settings = {
        key: {"type": body.get("type", "any"), "required": key in required, "description": body.get("description", "")}
        for key, body in schema.get("properties", {}).items()
    }
    return {"name": target.name, "origin": target.origin, "summary": target.summary, "cost": target.cost,
            "verifier": target.verify is not None, "settings": settings}


def cmd_targets(args: argparse.Namespace) -> int:
    """Print the targets; exit 1 when an installed plugin cannot be loaded."""
    try:
        found = available()
    except Exception as exc:  # a broken plugin is named, not a traceback
        print(f"error G003: a target plugin failed to load: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    rows = [describe(t) for t in found.values()]
    if args.format == "json":
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return EXIT_OK
    for row in rows:
        print(f"{row['name']} ({row['origin']}): {row['summary']}")
        for key, body in row["settings"].items():
            need = "required" if body["required"] else "optional"
            print(f"    {key}: {body['type']}, {need}. {body['description']}".rstrip())
    return EXIT_OK
