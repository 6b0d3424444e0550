from fixture_codes.entry_value_changed_codes import EntryValueChangedCodes, parse

assert parse(2) is EntryValueChangedCodes.BETA, "the wire value 2 no longer means BETA"
