from typing import assert_never

from fixture_codes.value_added_to_closed_groups import ValueAddedToClosedGroups, parse


def side(raw: object) -> str:
    """An exhaustive client: every member of the closed catalog handled."""
    group = parse(raw)
    match group:
        case ValueAddedToClosedGroups.CLIENT:
            return "client"
        case ValueAddedToClosedGroups.SERVER:
            return "server"
        case _:
            assert_never(group)
