-- Sessions no longer keep the network address or browser they came from (lib/auth/index.ts):
-- forget what earlier sessions kept.
UPDATE "Session" SET "ipAddress" = NULL, "userAgent" = NULL;
