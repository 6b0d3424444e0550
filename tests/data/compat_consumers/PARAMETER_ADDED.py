from fixture_codes import format_parameter_added_reasons_message
from fixture_codes.parameter_added_reasons import ParameterAddedReasons

ACCOUNT: str = format_parameter_added_reasons_message(ParameterAddedReasons.STORAGE_ACCOUNT_NOT_FOUND, {"account": "acme"})
FILE: str = format_parameter_added_reasons_message(ParameterAddedReasons.FILE_NOT_FOUND)
