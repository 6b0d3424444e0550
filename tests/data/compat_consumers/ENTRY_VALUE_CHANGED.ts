import { EntryValueChangedCodes } from "../typescript/src/entry-value-changed-codes.js";

// A client that stored the wire value 2 for BETA.
export const two: 2 = EntryValueChangedCodes.BETA;
