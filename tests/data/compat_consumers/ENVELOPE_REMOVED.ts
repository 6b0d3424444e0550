import type { components } from "../openapi/schema.js";

export type Failure = components["schemas"]["EnvelopeRemovedError"];
export const detail = (e: Failure): string | undefined => e.error.detail;
