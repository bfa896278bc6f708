import { z } from "zod";

/**
 * The shape of every id the app makes (cuids, UUIDs, content slugs): checked before any query,
 * so text no id can have (a NUL, which PostgreSQL cannot even compare, a slash, 10 KB) is
 * answered like any unknown id instead of reaching the database.
 */
export const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const isRecordId = (value: string) => recordId.safeParse(value).success;
