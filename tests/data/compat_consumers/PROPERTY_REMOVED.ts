import type { components } from "../openapi/schema.js";

export const detail = (e: components["schemas"]["PropertyRemovedErrorBody"]): string | undefined => e.detail;
