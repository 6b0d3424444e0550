import type { components } from "../openapi/schema.js";

export const reason = (e: components["schemas"]["PropertyMadeOptionalErrorBody"]): string => e.reason;
