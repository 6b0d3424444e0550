import { FieldRemovedCodes, fieldRemovedCodesInfo } from "../typescript/src/field-removed-codes.js";

export const label: string | null = fieldRemovedCodesInfo(FieldRemovedCodes.ALPHA).label;
