from fixture_codes.entry_removed_codes import EntryRemovedCodes

BETA: int = EntryRemovedCodes.BETA.value
