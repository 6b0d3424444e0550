"""The migration between catalogs as an SVG drawn by the tool: legacy codes on the left, their
successors on the right, a link from each legacy code to each successor."""

from __future__ import annotations

from codegen.model import Catalog, Ref, Spec
from codegen.targets.docs.literals import html
from codegen.targets.docs.view import Diagram, entry_address

ROW = 26
CHAR_W = 8  # 13px monospace, with room to spare
GAP = 160
PAD = 10


def migration_svg(spec: Spec, catalog: Catalog) -> Diagram | None:
    """The diagram of a catalog whose entries name successors, or None."""
    legacy = [e for e in catalog.entries if e.successors]
    if not legacy:
        return None
    targets: list[Ref] = []
    for entry in legacy:
        targets += [r for r in entry.successors if r not in targets]
    left_labels = [f"{e.value} {e.name}" for e in legacy]
    right_labels = [_label(spec, ref) for ref in targets]
    left_w = 16 + CHAR_W * max(len(s) for s in left_labels)
    right_w = 16 + CHAR_W * max(len(s) for s in right_labels)
    height = PAD * 2 + ROW * max(len(legacy), len(targets))
    width = PAD * 2 + left_w + GAP + right_w
    right_x = PAD + left_w + GAP
    where = {ref: PAD + i * ROW + ROW // 2 for i, ref in enumerate(targets)}
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" class="migration" '
             f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
             f'<title>Migration of {html(catalog.title)}: '
             f'{len(legacy)} codes to {len(targets)} successors</title>']
    for i, entry in enumerate(legacy):
        y = PAD + i * ROW + ROW // 2
        for ref in entry.successors:
            ty = where[ref]
            mid = PAD + left_w + GAP // 2
            parts.append(f'<path class="edge" data-from="{html(entry.name)}" data-to="{html(str(ref))}" '
                         f'd="M{PAD + left_w},{y} C{mid},{y} {mid},{ty} {right_x},{ty}"/>')
    for i, (entry, label) in enumerate(zip(legacy, left_labels, strict=True)):
        parts.append(_node(PAD, PAD + i * ROW, left_w, label, entry_address(catalog.id, entry.name), entry.name))
    for i, (ref, label) in enumerate(zip(targets, right_labels, strict=True)):
        parts.append(_node(right_x, PAD + i * ROW, right_w, label, entry_address(ref.catalog, ref.name), str(ref)))
    parts.append("</svg>")
    return Diagram("\n".join(parts), len(legacy), len(targets))


def _label(spec: Spec, ref: Ref) -> str:
    target = spec.resolve(ref)
    return f"{target.value} {ref.name}" if target else str(ref)


def _node(x: int, y: int, width: int, label: str, href: str, key: str) -> str:
    return (f'<a href="{html(href)}" class="node" data-key="{html(key)}"><rect x="{x}" y="{y + 2}" '
            f'width="{width}" height="{ROW - 4}" rx="4"/><text x="{x + 8}" y="{y + ROW // 2 + 5}">'
            f'{html(label)}</text></a>')
