// The one way a refused input becomes words beside its fields (client-safe: zod only).
import type { z } from "zod";

/**
 * The first message of each field a zod error names (by the top of its path). An issue about
 * the whole input, with no path, is kept under `form`, so a form can say it above its fields.
 */
export function fieldMessages<Field extends string>(error: z.ZodError): Partial<Record<Field | "form", string>> {
  const messages: Partial<Record<Field | "form", string>> = {};
  for (const issue of error.issues) {
    const field = (issue.path.length > 0 ? String(issue.path[0]) : "form") as Field | "form";
    messages[field] ??= issue.message;
  }
  return messages;
}
