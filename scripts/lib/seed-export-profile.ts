// Fills one existing profile with a long history for `npm run bench:export`: finished quiz
// attempts from the respondent simulator, reflections and practice entries (written through
// lib/data, so their texts are encrypted as the app's are). Run with --conditions=react-server
// (lib/data is server-only), DATABASE_URL and APP_ENCRYPTION_KEY those of the server.
// Usage: seed-export-profile.ts <attemptId of the profile> <attempts> <reflections> <practice entries>
import { quiz } from "../../lib/content/quiz";
import { addPracticeEntry } from "../../lib/data/practice-entries";
import { saveReflection } from "../../lib/data/reflections";
import { db } from "../../lib/db";
import { seedSimulatedAttempts } from "./seed-simulated-attempts";
import { simulateRespondents } from "./simulate-respondents";

const DAY = 86_400_000;

async function main() {
  const [attemptId, attempts, reflections, entries] = process.argv.slice(2);
  const owner = await db().quizAttempt.findUniqueOrThrow({ where: { id: attemptId! }, select: { profileId: true } });
  const profileId = owner.profileId;
  const count = Number(attempts);
  // The simulator's attempts belong to a profile of their own; they move to this one, a week apart.
  const simulated = await seedSimulatedAttempts(db(), quiz, simulateRespondents(quiz, { count, seed: 20261202 }));
  const moved = await db().quizAttempt.findMany({ where: { profileId: simulated }, select: { id: true }, orderBy: { id: "asc" } });
  const start = Date.now() - count * 7 * DAY;
  for (const [index, { id }] of moved.entries()) {
    await db().quizAttempt.update({ where: { id }, data: { profileId, startedAt: new Date(start + index * 7 * DAY) } });
  }
  await db().profile.delete({ where: { id: simulated } });
  const profile = { id: profileId, isGuest: true };
  const line = "I noticed the old pull to go quiet, and said one true thing instead. ";
  for (let index = 0; index < Number(reflections); index++) {
    await saveReflection(profile, { lessonSlug: `lesson-${index % 8}`, promptId: `prompt-${index}`, text: line.repeat(6) });
  }
  for (let index = 0; index < Number(entries); index++) {
    const day = new Date(start + index * 3 * DAY).toISOString().slice(0, 10);
    await addPracticeEntry(profile, { capacity: "catching-the-reflex", practisedOn: day, whatHappened: line.repeat(3), whatNoticed: line.repeat(2), whatYouDid: line.repeat(2) });
  }
  console.log(JSON.stringify({ profileId, attempts: await db().quizAttempt.count({ where: { profileId } }) }));
  await db().$disconnect();
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
