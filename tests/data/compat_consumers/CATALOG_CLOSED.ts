import { CatalogClosedReasons, parseCatalogClosedReasonsStrict } from "../typescript/src/catalog-closed-reasons.js";

export const member: CatalogClosedReasons = parseCatalogClosedReasonsStrict("FILE_NOT_FOUND");
