import { CatalogRemovedGroups } from "../typescript/src/catalog-removed-groups.js";

export const client: CatalogRemovedGroups = CatalogRemovedGroups.CLIENT;
