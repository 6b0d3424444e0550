from fixture_codes.field_made_optional_codes import FieldMadeOptionalCodes

NEXT: int = FieldMadeOptionalCodes.ALPHA.http_status + 1
