import { formatParameterAddedReasonsMessage } from "../typescript/src/index.js";
import { ParameterAddedReasons } from "../typescript/src/parameter-added-reasons.js";

export const account: string = formatParameterAddedReasonsMessage(ParameterAddedReasons.STORAGE_ACCOUNT_NOT_FOUND, { account: "acme" });
export const file: string = formatParameterAddedReasonsMessage(ParameterAddedReasons.FILE_NOT_FOUND);
