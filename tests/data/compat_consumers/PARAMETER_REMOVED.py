from fixture_codes import format_parameter_removed_reasons_message
from fixture_codes.parameter_removed_reasons import ParameterRemovedReasons

ACCOUNT: str = format_parameter_removed_reasons_message(
    ParameterRemovedReasons.STORAGE_ACCOUNT_NOT_FOUND, {"account": "acme", "region": "eu-west"}
)
FILE: str = format_parameter_removed_reasons_message(ParameterRemovedReasons.FILE_NOT_FOUND, {"path": "/tmp/x"})
