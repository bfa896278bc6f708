import { randomUUID } from "node:crypto";
import type { CurrentProfile } from "@/lib/data/profiles";
import { db } from "@/lib/db";

/** A fresh guest profile row, as the auth library would make it. */
export async function makeGuestProfile(): Promise<CurrentProfile> {
  const id = randomUUID();
  await db().profile.create({ data: { id, name: "Guest", isAnonymous: true } });
  return { id, isGuest: true };
}
