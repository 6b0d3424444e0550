import { CatalogOpenedGroups, parseCatalogOpenedGroups } from "../typescript/src/catalog-opened-groups.js";

export function group(raw: unknown): CatalogOpenedGroups {
    return parseCatalogOpenedGroups(raw);
}
