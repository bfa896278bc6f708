-- CreateTable
CREATE TABLE "ServerProcess" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "secrets" TEXT NOT NULL,
    "startedAt" BIGINT NOT NULL,
    "seenAt" BIGINT NOT NULL
);
