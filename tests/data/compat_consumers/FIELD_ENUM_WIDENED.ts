import { FieldEnumWidenedCodes, fieldEnumWidenedCodesInfo } from "../typescript/src/field-enum-widened-codes.js";

/** Every declared kind handled: the compiler proves it. */
export function retry(member: FieldEnumWidenedCodes): boolean {
    const kind = fieldEnumWidenedCodesInfo(member).kind;
    switch (kind) {
        case "temporary":
            return true;
        case "permanent":
        case null:
            return false;
        default: {
            const never: never = kind;
            return never;
        }
    }
}
