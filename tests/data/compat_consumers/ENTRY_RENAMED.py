from fixture_codes.entry_renamed_codes import EntryRenamedCodes

BETA: int = EntryRenamedCodes.BETA.value
