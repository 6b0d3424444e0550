from fixture_codes.successor_targets_changed_codes import SuccessorTargetsChangedCodes, migrate
from fixture_codes.successor_targets_changed_groups import SuccessorTargetsChangedGroups

NEXT: tuple[SuccessorTargetsChangedGroups, ...] = migrate(SuccessorTargetsChangedCodes.DELTA)
