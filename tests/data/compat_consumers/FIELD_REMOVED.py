from fixture_codes.field_removed_codes import FieldRemovedCodes

LABEL: str | None = FieldRemovedCodes.ALPHA.label
