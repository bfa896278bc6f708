-- DropIndex
DROP INDEX "Session_profileId_idx";

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresAt" BIGINT NOT NULL,

    CONSTRAINT "Lease_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "Profile_isAnonymous_createdAt_idx" ON "Profile"("isAnonymous", "createdAt");

-- CreateIndex
CREATE INDEX "Session_profileId_expiresAt_idx" ON "Session"("profileId", "expiresAt");
