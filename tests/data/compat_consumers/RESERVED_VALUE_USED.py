from typing import assert_never

from fixture_codes.reserved_value_used_groups import ReservedValueUsedGroups, parse


def side(raw: object) -> str:
    """An exhaustive client: every member of the closed catalog handled."""
    group = parse(raw)
    match group:
        case ReservedValueUsedGroups.CLIENT:
            return "client"
        case ReservedValueUsedGroups.SERVER:
            return "server"
        case _:
            assert_never(group)
