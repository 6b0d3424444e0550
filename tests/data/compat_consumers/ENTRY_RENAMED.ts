import { EntryRenamedCodes } from "../typescript/src/entry-renamed-codes.js";

export const beta: EntryRenamedCodes = EntryRenamedCodes.BETA;
