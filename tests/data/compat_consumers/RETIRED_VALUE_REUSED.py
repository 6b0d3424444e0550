from fixture_codes.retired_value_reused_codes import RetiredValueReusedCodes

GAMMA: int = RetiredValueReusedCodes.GAMMA.value
