import { formatParameterTypeChangedReasonsMessage } from "../typescript/src/index.js";
import { ParameterTypeChangedReasons } from "../typescript/src/parameter-type-changed-reasons.js";

export const account: string = formatParameterTypeChangedReasonsMessage(ParameterTypeChangedReasons.STORAGE_ACCOUNT_NOT_FOUND, { account: "acme" });
