import { formatParameterRemovedReasonsMessage } from "../typescript/src/index.js";
import { ParameterRemovedReasons } from "../typescript/src/parameter-removed-reasons.js";

export const account: string = formatParameterRemovedReasonsMessage(ParameterRemovedReasons.STORAGE_ACCOUNT_NOT_FOUND, { account: "acme", region: "eu-west" });
export const file: string = formatParameterRemovedReasonsMessage(ParameterRemovedReasons.FILE_NOT_FOUND, { path: "/tmp/x" });
