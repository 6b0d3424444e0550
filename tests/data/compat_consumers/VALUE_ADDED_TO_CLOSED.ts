import { ValueAddedToClosedGroups, parseValueAddedToClosedGroups } from "../typescript/src/value-added-to-closed-groups.js";

/** An exhaustive client: every member of the closed catalog handled. */
export function side(raw: unknown): string {
    const group = parseValueAddedToClosedGroups(raw);
    switch (group) {
        case ValueAddedToClosedGroups.CLIENT:
            return "client";
        case ValueAddedToClosedGroups.SERVER:
            return "server";
        default: {
            const never: never = group;
            return never;
        }
    }
}
