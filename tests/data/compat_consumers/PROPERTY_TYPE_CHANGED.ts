import type { components } from "../openapi/schema.js";

export const detail = (e: components["schemas"]["PropertyTypeChangedErrorBody"]): string | undefined => e.detail;
