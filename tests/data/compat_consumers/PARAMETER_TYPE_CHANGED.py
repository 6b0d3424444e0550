from fixture_codes import format_parameter_type_changed_reasons_message
from fixture_codes.parameter_type_changed_reasons import ParameterTypeChangedReasons

ACCOUNT: str = format_parameter_type_changed_reasons_message(
    ParameterTypeChangedReasons.STORAGE_ACCOUNT_NOT_FOUND, {"account": "acme"}
)
