import "server-only";
import { db } from "@/lib/db";
import { openText, sealText } from "./encryption";

/** Whichever moment came first; null only when neither happened. */
function earlier(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a < b ? a : b;
}

/**
 * Moves everything a guest made into the account they just signed up or in with, in one
 * transaction, so nothing is lost or duplicated: quiz attempts and practice entries move as
 * they are; where both have progress in a lesson, the further one wins; where both answered
 * the same reflection prompt, the account keeps its own text and the guest's text after it.
 * Called by the auth library before it deletes the guest profile (which would cascade).
 */
export async function moveGuestData(guestId: string, accountId: string): Promise<void> {
  if (guestId === accountId) return;
  await db().$transaction(async (tx) => {
    await tx.quizAttempt.updateMany({ where: { profileId: guestId }, data: { profileId: accountId } });
    await tx.practiceEntry.updateMany({ where: { profileId: guestId }, data: { profileId: accountId } });

    const guestProgress = await tx.lessonProgress.findMany({ where: { profileId: guestId } });
    const accountProgress = new Map(
      (
        await tx.lessonProgress.findMany({
          where: { profileId: accountId, lessonSlug: { in: guestProgress.map((row) => row.lessonSlug) } },
        })
      ).map((row) => [row.lessonSlug, row]),
    );
    for (const progress of guestProgress) {
      const kept = accountProgress.get(progress.lessonSlug);
      if (!kept) {
        await tx.lessonProgress.update({ where: { id: progress.id }, data: { profileId: accountId } });
        continue;
      }
      await tx.lessonProgress.update({
        where: { id: kept.id },
        data: {
          stepReached: Math.max(kept.stepReached, progress.stepReached),
          completedAt: earlier(kept.completedAt, progress.completedAt),
        },
      });
      await tx.lessonProgress.delete({ where: { id: progress.id } });
    }

    const guestReflections = await tx.reflection.findMany({ where: { profileId: guestId } });
    const promptKey = (row: { lessonSlug: string; promptId: string }) => `${row.lessonSlug}/${row.promptId}`;
    const accountReflections = new Map(
      (
        await tx.reflection.findMany({
          where: { profileId: accountId, lessonSlug: { in: [...new Set(guestReflections.map((row) => row.lessonSlug))] } },
        })
      ).map((row) => [promptKey(row), row]),
    );
    for (const reflection of guestReflections) {
      const kept = accountReflections.get(promptKey(reflection));
      if (!kept) {
        await tx.reflection.update({ where: { id: reflection.id }, data: { profileId: accountId } });
        continue;
      }
      // Compared and joined as plain text: the stored values are sealed with a fresh IV each.
      const keptText = openText(kept.text, "reflection.text");
      const guestText = openText(reflection.text, "reflection.text");
      if (guestText.trim() && guestText !== keptText) {
        const joined = [keptText, guestText].filter((text) => text.trim()).join("\n\n");
        await tx.reflection.update({ where: { id: kept.id }, data: { text: sealText(joined, "reflection.text") } });
      }
      await tx.reflection.delete({ where: { id: reflection.id } });
    }
  });
}
