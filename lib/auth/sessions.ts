import "server-only";
import { auth } from "./index";

/**
 * Ends every session of `profileId`, in the database and (with REDIS_URL) in Redis, so no
 * process accepts any of them again. Call before deleting a profile: deleting its row removes
 * the database's sessions with it, but not Redis's copies.
 */
export async function endAllSessions(profileId: string): Promise<void> {
  await (await auth().$context).internalAdapter.deleteUserSessions(profileId);
}
