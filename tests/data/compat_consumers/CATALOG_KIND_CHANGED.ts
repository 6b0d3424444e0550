import { CatalogKindChangedReasons } from "../typescript/src/catalog-kind-changed-reasons.js";

export const lower: string = CatalogKindChangedReasons.FILE_NOT_FOUND.toLowerCase();
