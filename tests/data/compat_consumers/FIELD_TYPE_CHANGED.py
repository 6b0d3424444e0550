from fixture_codes.field_type_changed_codes import FieldTypeChangedCodes

NEXT: int = FieldTypeChangedCodes.ALPHA.http_status + 1
