from fixture_codes.retirement_undone_codes import RetirementUndoneCodes

assert RetirementUndoneCodes.GAMMA.info.retired is not None, "a client treats GAMMA as gone"
