-- CreateTable
CREATE TABLE "ServerProcess" (
    "id" TEXT NOT NULL,
    "host" TEXT NOT NULL,
    "pid" INTEGER NOT NULL,
    "secrets" TEXT NOT NULL,
    "startedAt" BIGINT NOT NULL,
    "seenAt" BIGINT NOT NULL,

    CONSTRAINT "ServerProcess_pkey" PRIMARY KEY ("id")
);
