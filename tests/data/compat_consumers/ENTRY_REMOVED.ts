import { EntryRemovedCodes } from "../typescript/src/entry-removed-codes.js";

export const beta: EntryRemovedCodes = EntryRemovedCodes.BETA;
