import { SuccessorTargetsChangedCodes, migrateSuccessorTargetsChangedCodes } from "../typescript/src/successor-targets-changed-codes.js";
import type { SuccessorTargetsChangedGroups } from "../typescript/src/successor-targets-changed-groups.js";

export const next: readonly SuccessorTargetsChangedGroups[] =
    migrateSuccessorTargetsChangedCodes(SuccessorTargetsChangedCodes.DELTA).map((ref) => ref.value);
