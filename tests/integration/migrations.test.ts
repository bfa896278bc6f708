// The migrations of this project's provider, applied to a fresh database of their own:
// they build the whole schema, they are idempotent, the constraints are real, and neither
// the PostgreSQL schema nor the migrations have drifted from prisma/schema.prisma.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import type { DatabaseConfig } from "@/lib/config";
import { createDb, type Db } from "@/lib/db";
import { pendingMigrationSql } from "@/scripts/db/author";
import { applyMigrations } from "@/scripts/db/deploy";
import { migrationsDir, schemaPath } from "@/scripts/db/migrations-folder";
import { postgresSchemaFrom } from "../../scripts/lib/schema-sync.mjs";
import { createTestDatabase } from "./setup/databases";

const provider = inject("provider");
const sqliteSchema = readFileSync(schemaPath("sqlite"), "utf8");

/** Every model of the schema is a table of the same name (no @@map in this schema). */
const modelNames = [...sqliteSchema.matchAll(/^model (\w+) \{/gm)].map((match) => match[1]!);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A fresh, empty database of this project's provider, dropped after the test. */
async function freshDatabase(): Promise<DatabaseConfig> {
  const { database, drop } = await createTestDatabase(provider);
  cleanups.push(drop);
  return database;
}

function client(database: DatabaseConfig): Db {
  const db = createDb(database);
  cleanups.push(() => db.$disconnect());
  return db;
}

async function tableNames(db: Db): Promise<string[]> {
  const rows =
    provider === "sqlite"
      ? await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
      : await db.$queryRawUnsafe<{ name: string }[]>(
          "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema()",
        );
  return rows.map((row) => row.name).sort();
}

describe(`migrations (${provider})`, () => {
  it("create every table of the schema and record themselves, once", async () => {
    const database = await freshDatabase();
    const lock = readFileSync(join(migrationsDir(provider), "migration_lock.toml"), "utf8");
    expect(lock).toContain(`provider = "${provider}"`);

    const first = await applyMigrations(database);
    expect(first.applied.length).toBeGreaterThan(0);
    expect(first.applied.every((name) => /^\d{14}_[a-z0-9_]+$/.test(name))).toBe(true);
    // Before any client opens the database: on SQLite the engine takes the file exclusively.
    const second = await applyMigrations(database);
    expect(second.applied).toEqual([]);

    const db = client(database);
    const tables = await tableNames(db);
    expect(tables).toEqual([...modelNames, "_prisma_migrations"].sort());
    expect(tables.map((name) => name.toLowerCase())).toEqual(
      expect.arrayContaining([
        "profile",
        "session",
        "account",
        "verification",
        "ratelimit",
        "quizattempt",
        "quizanswer",
        "strategyscore",
        "lessonprogress",
        "reflection",
        "practiceentry",
        "_prisma_migrations",
      ]),
    );

    // Recorded as `prisma migrate deploy` records them: finished, with the sha256 of migration.sql.
    const recorded = await db.$queryRawUnsafe<{ migration_name: string; checksum: string; finished: unknown }[]>(
      'SELECT migration_name, checksum, finished_at AS finished FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(recorded.map((row) => row.migration_name)).toEqual(first.applied);
    for (const row of recorded) {
      const sql = readFileSync(join(migrationsDir(provider), row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished).not.toBeNull();
    }
  });

  it("enforce unique constraints: one answer per quiz item per attempt", async () => {
    const database = await freshDatabase();
    await applyMigrations(database);
    const db = client(database);
    const profile = await db.profile.create({ data: { id: randomUUID(), name: "Alex" } });
    const attempt = await db.quizAttempt.create({ data: { profileId: profile.id, quizVersion: "v1" } });
    await db.quizAnswer.create({ data: { attemptId: attempt.id, itemId: "q1", value: 3 } });
    await expect(db.quizAnswer.create({ data: { attemptId: attempt.id, itemId: "q1", value: 5 } })).rejects.toThrow(
      /Unique constraint/i,
    );
    await db.quizAnswer.create({ data: { attemptId: attempt.id, itemId: "q2", value: 5 } });
    expect(await db.quizAnswer.count()).toBe(2);
  });

  it("delete everything a profile owns when the profile is deleted", async () => {
    const database = await freshDatabase();
    await applyMigrations(database);
    const db = client(database);

    async function profileWithEverything(name: string) {
      const id = randomUUID();
      await db.profile.create({ data: { id, name, email: `${name}@example.test` } });
      const attempt = await db.quizAttempt.create({ data: { profileId: id, quizVersion: "v1", status: "completed" } });
      await db.quizAnswer.create({ data: { attemptId: attempt.id, itemId: "q1", value: 4 } });
      await db.strategyScore.create({
        data: { attemptId: attempt.id, strategy: "withdrawing", score: 3.5, band: "high", answered: 4, total: 4 },
      });
      await db.lessonProgress.create({ data: { profileId: id, lessonSlug: "the-trade", stepReached: 2 } });
      await db.reflection.create({ data: { profileId: id, lessonSlug: "the-trade", promptId: "p1", text: "Mine." } });
      await db.practiceEntry.create({
        data: {
          profileId: id,
          capacity: "self-soothing",
          practisedOn: new Date("2026-11-20T00:00:00Z"),
          whatHappened: "A call.",
          whatNoticed: "Tight chest.",
          whatYouDid: "Breathed.",
        },
      });
      await db.session.create({
        data: { id: randomUUID(), token: randomUUID(), expiresAt: new Date(Date.now() + 3_600_000), profileId: id },
      });
      await db.account.create({ data: { id: randomUUID(), accountId: id, providerId: "credential", profileId: id } });
      return id;
    }

    const gone = await profileWithEverything("alex");
    const kept = await profileWithEverything("sam");
    await db.profile.delete({ where: { id: gone } });

    const owned = { profileId: gone };
    const counts = {
      quizAttempts: await db.quizAttempt.count({ where: owned }),
      quizAnswers: await db.quizAnswer.count({ where: { attempt: { profileId: gone } } }),
      strategyScores: await db.strategyScore.count({ where: { attempt: { profileId: gone } } }),
      lessonProgress: await db.lessonProgress.count({ where: owned }),
      reflections: await db.reflection.count({ where: owned }),
      practiceEntries: await db.practiceEntry.count({ where: owned }),
      sessions: await db.session.count({ where: owned }),
      accounts: await db.account.count({ where: owned }),
    };
    expect(counts).toEqual({
      quizAttempts: 0,
      quizAnswers: 0,
      strategyScores: 0,
      lessonProgress: 0,
      reflections: 0,
      practiceEntries: 0,
      sessions: 0,
      accounts: 0,
    });
    // Orphans would not match the relation filters above: count the tables outright too.
    expect(await db.quizAnswer.count()).toBe(1);
    expect(await db.strategyScore.count()).toBe(1);
    // The other profile keeps everything.
    expect(await db.profile.count()).toBe(1);
    expect(await db.quizAttempt.count({ where: { profileId: kept } })).toBe(1);
    expect(await db.session.count({ where: { profileId: kept } })).toBe(1);
  });
});

describe("no drift from prisma/schema.prisma", () => {
  it("prisma/postgresql/schema.prisma is generated from it", () => {
    const generated = readFileSync(schemaPath("postgresql"), "utf8");
    expect(
      generated === postgresSchemaFrom(sqliteSchema),
      "prisma/postgresql/schema.prisma is out of date: run `npm run db:schema` (or `npm run db:new-migration -- <name>`).",
    ).toBe(true);
  });

  it(`the ${provider} migrations produce exactly the current schema`, async () => {
    const pending = await pendingMigrationSql(provider);
    expect(
      pending,
      `The schema has changes no ${provider} migration covers: run \`npm run db:new-migration -- <name>\`. Missing:\n${pending}`,
    ).toBeNull();
  });
});
