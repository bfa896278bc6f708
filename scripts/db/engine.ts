// Prisma's schema engine, compiled to WebAssembly, loaded and run one at a time.
//
// The `prisma migrate` CLI downloads a native engine binary before it does anything, which
// fails wherever Prisma's download host can't be reached. The same engine ships as
// @prisma/schema-engine-wasm and talks to the database through our driver adapters
// (scripts/db/adapters.ts), so deploy.ts does exactly what `prisma migrate deploy` does and
// author.ts what `prisma migrate dev --create-only` does, with nothing to download.
//
// Pin-sensitive: @prisma/schema-engine-wasm is an internal Prisma package, pinned exactly in
// package.json (the version prisma 7.10.0 itself uses). Everything that depends on how it is
// built lives here; a version bump is checked here and by tests/integration/migrations.test.ts
// on both databases.
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { bindMigrationAwareSqlAdapterFactory, type ErrorRegistry } from "@prisma/driver-adapter-utils";
import type { SchemaEngine, SchemaFilter } from "@prisma/schema-engine-wasm";
import type { TrackedFactory } from "./adapters";
import { schemaPath, type Provider } from "./migrations-folder";
import { hideSecrets } from "./secrets";

/** Every table and enum in the database is the schema's: none to leave alone. */
export const noFilters: SchemaFilter = { externalTables: [], externalEnums: [] };

type EngineModule = typeof import("@prisma/schema-engine-wasm");

// The glue module is one per process, however many module graphs load this file (Vitest runs
// each project's setup in its own): a second instantiation would swap the WebAssembly under
// an engine at work. So the instance, and the queue that runs one engine at a time, are global.
const processWide = globalThis as unknown as {
  drawbridgeSchemaEngine?: { module?: Promise<EngineModule>; queue: Promise<unknown> };
};
const shared = (processWide.drawbridgeSchemaEngine ??= { queue: Promise.resolve() });

/**
 * The engine's timers. It sets timeouts (for example a 10 s limit on taking PostgreSQL's
 * migration lock) and never clears them, which kept every `db:migrate` alive for 10 s after
 * it was done. We record them and clear whatever is left once no engine is at work.
 */
const engineTimers = new Set<ReturnType<typeof setTimeout>>();
let enginesAtWork = 0;

/**
 * The package's entry imports its `.wasm` file as an ES module, which Node 20 refuses. Load the
 * JS glue on its own and instantiate the WebAssembly ourselves, the way the entry would.
 */
function loadEngineModule(): Promise<EngineModule> {
  shared.module ??= (async () => {
    const require = createRequire(import.meta.url);
    const gluePath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    // By absolute URL: a bare specifier does not resolve from every loader (tsx, vitest, Node).
    const bg = (await import(pathToFileURL(gluePath).href)) as EngineModule & {
      __wbg_set_wasm(exports: WebAssembly.Exports): void;
    };
    const imports: Record<string, unknown> = { ...bg };
    for (const name of Object.keys(imports)) {
      const original = imports[name];
      if (!name.startsWith("__wbg_setTimeout_") || typeof original !== "function") continue;
      imports[name] = (...args: unknown[]) => {
        const timer = original(...args) as ReturnType<typeof setTimeout>;
        engineTimers.add(timer);
        return timer;
      };
    }
    const bytes = await readFile(join(dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, {
      "./schema_engine_bg.js": imports as WebAssembly.ModuleImports,
    });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  shared.module.catch(() => (shared.module = undefined));
  return shared.module;
}

/** Turns whatever the engine threw into one readable Error, without passwords. */
function readableError(error: unknown, registry: ErrorRegistry, secrets: string[]): Error {
  let message = error instanceof Error ? error.message : typeof error === "string" ? error : JSON.stringify(error);
  // Errors our own JS code threw inside the adapters reach the engine as ids.
  message = message.replace(/External error id#(\d+)/g, (whole, id: string) => {
    const record = registry.consumeError(Number(id));
    if (!record) return whole;
    const inner = record.error;
    return inner instanceof Error ? inner.message : typeof inner === "string" ? inner : JSON.stringify(inner);
  });
  // The engine appends its Rust span trace ("   0: schema_engine_wasm::…  at …"): not for users.
  message = message.replace(/\n\s+0: [\s\S]*$/, "").trim();
  return new Error(hideSecrets(message, secrets));
}

/** Runs engine work one at a time in this process (see `shared` above). */
export function withEngine<T>(
  provider: Provider,
  factory: TrackedFactory,
  secrets: string[],
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const run = shared.queue.then(() => runEngine(provider, factory, secrets, work));
  shared.queue = run.catch(() => {});
  return run;
}

async function runEngine<T>(
  provider: Provider,
  factory: TrackedFactory,
  secrets: string[],
  work: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  let engine: SchemaEngine | undefined;
  enginesAtWork += 1;
  try {
    const { SchemaEngine } = await loadEngineModule();
    const path = schemaPath(provider);
    engine = await SchemaEngine.new(
      { datamodels: [[path, readFileSync(path, "utf8")]] },
      () => {}, // the engine's JSON log lines; nothing we show
      bound,
    );
    return await work(engine);
  } catch (error) {
    throw readableError(error, bound.errorRegistry, secrets);
  } finally {
    engine?.free();
    await factory.disposeAll();
    enginesAtWork -= 1;
    if (enginesAtWork === 0) {
      for (const timer of engineTimers) clearTimeout(timer);
      engineTimers.clear();
    }
  }
}
