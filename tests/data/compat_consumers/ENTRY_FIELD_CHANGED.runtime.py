from fixture_codes.entry_field_changed_codes import EntryFieldChangedCodes

assert EntryFieldChangedCodes.BETA.kind == "temporary", "a client retries BETA because it is temporary"
