from fixture_codes.retired_value_reused_codes import parse_strict

member = parse_strict(3)
assert member.name == "GAMMA", f"the retired value 3 now means {member.name}"
