-- AlterTable
ALTER TABLE "Profile" ADD COLUMN     "lastSeenAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Profile_isAnonymous_lastSeenAt_idx" ON "Profile"("isAnonymous", "lastSeenAt");

-- Profiles made before this column: last seen when a session of theirs was last renewed, or when
-- the profile last changed, so no account looks unused for want of a date.
UPDATE "Profile" SET "lastSeenAt" = COALESCE((SELECT MAX("updatedAt") FROM "Session" WHERE "Session"."profileId" = "Profile"."id"), "updatedAt");
