import type { components } from "../openapi/schema.js";

export const detail = (e: components["schemas"]["EnvelopeShapeChangedErrorBody"]): string | undefined => e.detail;
