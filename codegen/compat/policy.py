"""Which rules run and which findings a project accepts: the `compat:` section of the project file.

    compat:
      use: [WIRE, API, LIFECYCLE, ENVELOPE, DOCS, RESERVED]   # categories or rule ids (default: all)
      except: [ENTRY_ORDER_CHANGED]                           # taken out of `use`
      ignore:                                                 # per catalog (or envelope) id
        voipbin_reason: [TEXT_CHANGED]
      accept:                                                 # deliberate findings, shown with the reason
        - {rule: ENTRY_REMOVED, catalog: voipbin_reason, entry: OLD_NAME, reason: "never sent by the API"}

In the spirit of buf's `use`/`except`/`ignore_only` and Smithy's suppressions.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from codegen.compat.finding import Finding, Rule


@dataclass(frozen=True)
class Acceptance:
    rule: str
    reason: str
    catalog: str | None = None
    entry: str | None = None

    def matches(self, finding: Finding) -> bool:
        """Whether this acceptance covers the finding (unset parts match anything)."""
        scope = finding.envelope or finding.catalog
        return (self.rule == finding.rule and self.catalog in (None, scope)
                and self.entry in (None, finding.entry))


@dataclass(frozen=True)
class Policy:
    use: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    ignore: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    accept: tuple[Acceptance, ...] = ()

    @classmethod
    def from_project(cls, compat: Mapping[str, Any]) -> Policy:
        """The policy of a schema-valid `compat:` section."""
        return cls(
            use=tuple(compat.get("use", ())),
            exclude=tuple(compat.get("except", ())),
            ignore={k: tuple(v) for k, v in compat.get("ignore", {}).items()},
            accept=tuple(Acceptance(a["rule"], a["reason"], a.get("catalog"), a.get("entry")) for a in compat.get("accept", ())),
        )

    def selects(self, rule: Rule) -> bool:
        """Whether the rule runs at all."""
        named = {rule.id, rule.category}
        return (not self.use or bool(named & set(self.use))) and not named & set(self.exclude)

    def ignores(self, rule: Rule, scope: str) -> bool:
        """Whether the rule is switched off for one catalog or envelope."""
        return bool({rule.id, rule.category} & set(self.ignore.get(scope, ())))

    def acceptance(self, finding: Finding) -> Acceptance | None:
        """The acceptance that covers a finding, if any."""
        return next((a for a in self.accept if a.matches(finding)), None)
