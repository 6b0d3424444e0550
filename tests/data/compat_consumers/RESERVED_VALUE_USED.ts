import { ReservedValueUsedGroups, parseReservedValueUsedGroups } from "../typescript/src/reserved-value-used-groups.js";

/** An exhaustive client: every member of the closed catalog handled. */
export function side(raw: unknown): string {
    const group = parseReservedValueUsedGroups(raw);
    switch (group) {
        case ReservedValueUsedGroups.CLIENT:
            return "client";
        case ReservedValueUsedGroups.SERVER:
            return "server";
        default: {
            const never: never = group;
            return never;
        }
    }
}
