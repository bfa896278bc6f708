// Types for schema-sync.mjs (plain JavaScript so `npm install`'s postinstall needs no TypeScript).
export declare const root: string;
export declare const sqliteSchemaPath: string;
export declare const postgresSchemaPath: string;
/** The PostgreSQL schema text derived from the SQLite one (throws if it can't be derived). */
export declare function postgresSchemaFrom(sqliteSchema: string): string;
/** Writes prisma/postgresql/schema.prisma from prisma/schema.prisma and returns its text. */
export declare function writePostgresSchema(): string;
