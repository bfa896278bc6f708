// The arrows of the house (README "Layout"), checked: app → components, lib/actions → lib/data → lib/db.
// A wrong import fails `npm run lint` (and so `npm test`) instead of waiting for a reviewer.
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";

const root = dirname(fileURLToPath(import.meta.url));

/** `@/lib/x` and everything under it, as no-restricted-imports patterns. */
const under = (name) => [`@/${name}`, `@/${name}/**`];

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith("_")).flatMap((name) => [name, `node:${name}`]);
/** Packages that talk to a database, a cache or the request: I/O by another name. */
const ioPackages = ["@prisma/**", "prisma", "pg", "better-sqlite3", "ioredis", "better-auth", "better-auth/**", "server-only", "next/headers", "next/cache", "next/server"];
const serverLayers = ["lib/db", "lib/data", "lib/actions", "lib/auth"].flatMap(under);

// Cross-folder imports go through `@/…`, so the patterns below see every one of them.
const noClimbing = { group: ["../*"], message: "Import across folders with `@/…` (the layer rules read those paths)." };
// Tooling that only scripts and tests use (migrations, benchmarks) is not part of the running app.
const noScripts = { group: ["@/scripts", "@/scripts/**"], message: "scripts/ is tooling; the running app (app, components, lib) never imports it." };

const layers = [
  {
    files: ["components/**"],
    patterns: [
      {
        group: [...under("lib/db"), ...under("lib/data"), "@prisma/**"],
        allowTypeImports: true,
        message: "A component gets plain data from its page, never from lib/db or lib/data (a type-only import is fine).",
      },
      noClimbing,
      noScripts,
    ],
  },
  {
    files: ["app/**"],
    patterns: [
      { group: [...under("lib/db"), "@prisma/**"], message: "A page or route reads through lib/data, never lib/db." },
      noClimbing,
      noScripts,
    ],
  },
  {
    files: ["lib/scoring/**"],
    patterns: [
      {
        group: [...nodeBuiltins, ...ioPackages, "next", "next/**", "react", "react/**", "react-dom", "react-dom/**"],
        message: "lib/scoring is pure: answers in, result out; no I/O, no React.",
      },
      // lib/format is pure too: how scores and statistics are written, shared with the pages.
      { regex: "^@/(?!lib/scoring/|lib/format$)", message: "lib/scoring imports nothing else from the app but lib/format." },
      noClimbing,
      noScripts,
    ],
  },
  {
    // lib/content may read the content files (node:fs, node:path, @/content/*.json) and use the
    // scoring types; nothing that reaches a database, a session, the network or the request.
    files: ["lib/content/**"],
    patterns: [
      {
        group: [
          ...serverLayers,
          ...under("lib/redis"),
          ...ioPackages,
          ...nodeBuiltins.filter((name) => !/^(node:)?(fs|fs\/promises|path|url)$/.test(name)),
        ],
        message: "lib/content reads content files only: no database, session, network or request.",
      },
      noClimbing,
      noScripts,
    ],
  },
  { files: ["lib/**"], ignores: ["lib/scoring/**", "lib/content/**", "lib/db/generated/**"], patterns: [noClimbing, noScripts] },
];

/** The file `source` (as imported from `file`) names in this repository, or null for a package. */
function resolveSource(source, file) {
  const base = source.startsWith("@/") ? join(root, source.slice(2)) : source.startsWith(".") ? resolve(dirname(file), source) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, "index.ts"), join(base, "index.tsx")]) {
    if (existsSync(candidate) && !candidate.endsWith("/") && /\.(ts|tsx|js|mjs)$/.test(candidate)) return candidate;
  }
  return base;
}

/** Why a client component may not import `target`, or null when it may (Next's rules). */
function serverOnlyReason(target) {
  const path = relative(root, target);
  if (/^lib\/(db|data|auth)(\/|\.|$)/.test(path)) return `${path.split("/").slice(0, 2).join("/")} is server-only`;
  if (!existsSync(target)) return null;
  const text = readFileSync(target, "utf8");
  // A "use server" module is a set of server actions: a client component may call them.
  if (/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(text)) return null;
  if (/^lib\/actions(\/|$)/.test(path)) return "lib/actions is server-only unless the file starts with \"use server\"";
  if (/^import ["']server-only["']/m.test(text)) return `${path} imports "server-only"`;
  return null;
}

const drawbridge = {
  rules: {
    "client-imports": {
      meta: {
        type: "problem",
        docs: { description: 'A "use client" file imports no server-only module (lib/data, lib/db, lib/auth, or any importing "server-only"); server actions ("use server" files) are fine.' },
        messages: { serverOnly: '"use client" file imports {{source}}: {{reason}}. Pass the data in as props, or call a server action.' },
        schema: [],
      },
      create(context) {
        const body = context.sourceCode.ast.body;
        const isClient = body.some((node) => node.type === "ExpressionStatement" && node.directive === "use client");
        if (!isClient) return {};
        const check = (node) => {
          if (!node.source || node.importKind === "type" || node.exportKind === "type") return;
          if (node.specifiers?.length && node.specifiers.every((s) => s.importKind === "type" || s.exportKind === "type")) return;
          const target = resolveSource(node.source.value, context.filename);
          const reason = target && serverOnlyReason(target);
          if (reason) context.report({ node, messageId: "serverOnly", data: { source: node.source.value, reason } });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check };
      },
    },
  },
};

// React Compiler diagnostics in eslint-plugin-react-hooks 7: they take most of the lint's time
// and ask for rewrites of working components; the classic hook rules stay on.
const reactHooks = nextVitals.find((config) => config.plugins?.["react-hooks"]).plugins["react-hooks"];
const reactCompilerRules = Object.fromEntries(
  Object.keys(reactHooks.configs.recommended.rules)
    .filter((rule) => !["react-hooks/rules-of-hooks", "react-hooks/exhaustive-deps"].includes(rule))
    .map((rule) => [rule, "off"]),
);

export default defineConfig([
  ...nextVitals,
  { rules: reactCompilerRules },
  globalIgnores([".next/**", "next-env.d.ts", "lib/db/generated/**", "node_modules/**", "public/**", "data/**", "test-results/**", "playwright-report/**", "bench/**"]),
  ...layers.map(({ files, ignores, patterns }) => ({
    files: files.map((folder) => `${folder}/*.{ts,tsx}`),
    ...(ignores && { ignores }),
    rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] },
  })),
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    plugins: { drawbridge },
    rules: { "drawbridge/client-imports": "error" },
  },
]);
