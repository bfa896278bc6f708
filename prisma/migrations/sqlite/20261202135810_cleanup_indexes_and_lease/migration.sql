-- DropIndex
DROP INDEX "Session_profileId_idx";

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" BIGINT NOT NULL
);

-- CreateIndex
CREATE INDEX "Profile_isAnonymous_createdAt_idx" ON "Profile"("isAnonymous", "createdAt");

-- CreateIndex
CREATE INDEX "Session_profileId_expiresAt_idx" ON "Session"("profileId", "expiresAt");
