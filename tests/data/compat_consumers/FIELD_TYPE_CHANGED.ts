import { FieldTypeChangedCodes, fieldTypeChangedCodesInfo } from "../typescript/src/field-type-changed-codes.js";

export const next: number = fieldTypeChangedCodesInfo(FieldTypeChangedCodes.ALPHA).httpStatus + 1;
