import { FieldMadeOptionalCodes, fieldMadeOptionalCodesInfo } from "../typescript/src/field-made-optional-codes.js";

export const next: number = fieldMadeOptionalCodesInfo(FieldMadeOptionalCodes.ALPHA).httpStatus + 1;
