import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import Database from "better-sqlite3";
import fc from "fast-check";
import { actionId } from "./support/requests";
import { startServer } from "./support/processes";

// A generated set of invalid inputs against every route handler (app/api/**) and every server
// action that takes input (lib/actions/*, posted the way a browser posts the page's form): wrong
// types, missing fields, huge strings, NUL bytes, broken encodings, wrong content types, foreign
// origins, unknown ids and another profile's ids. Every answer is a 4xx with a reason (a form
// shown again with its error counts as one), and no table gains or loses a row. The server is
// the test's own, so the row counts see no other test's writes.

test.describe.configure({ timeout: 300_000 });

// Counters by design, not data: failed sign-ins are counted per email and address (RateLimit),
// every health check writes its one row (HealthCheck), and the guest clean-up at start-up claims
// its lease (Lease) whenever it gets to it.
const COUNTERS = new Set(["RateLimit", "HealthCheck", "Lease"]);

function countRows(path: string): Record<string, number> {
  const database = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = database
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_prisma%' ESCAPE '\\'")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.filter(({ name }) => !COUNTERS.has(name)).map(({ name }) => [name, (database.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]),
    );
  } finally {
    database.close();
  }
}

// Strings no field accepts as they are: NULs, lone surrogates, controls, any UTF-16 (seeded, so every run tries the same).
const junk = fc.sample(fc.string({ unit: "binary", minLength: 1, maxLength: 24 }), { numRuns: 16, seed: 20261202 });
const wrongTypes: unknown[] = [null, true, 0, -1, 1.5, 1e9, "", [], {}, "x".repeat(3000), "a\u0000b"];
// Fields that are not free text also refuse any other string (free text may be almost anything).
const wrongForNonText: unknown[] = [...wrongTypes, "1", "2026-02-30", ...junk];
// Path segments that are no id of anyone's: unknown, NUL, broken %-escapes, too long, traversal.
const badIds = ["unknown-id", "%00", "%ff", "a%00b", "x".repeat(300), "..%2F..%2Fetc", "%E0%A4%A", ...junk.filter(isEncodable).map(encodeURIComponent)];

function isEncodable(text: string) {
  try {
    encodeURIComponent(text);
    return true;
  } catch {
    return false; // a lone surrogate cannot go in an address at all
  }
}

const decodeEntities = (value: string) =>
  value.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");

/** The hidden fields of the page's first action form, as a browser without JavaScript posts them. */
async function browserForm(api: APIRequestContext, page: string): Promise<Record<string, string>> {
  const html = await (await api.get(page)).text();
  const form = /<form[^>]*method="POST"[^>]*>([\s\S]*?)<\/form>/.exec(html)?.[1];
  if (!form) throw new Error(`No form on ${page}`);
  const fields: Record<string, string> = {};
  for (const input of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) fields[decodeEntities(input[1]!)] = decodeEntities(input[2] ?? "");
  return fields;
}

type Case = { target: string; what: string; send: () => Promise<APIResponse>; form?: boolean };

test("generated invalid inputs against every route handler and server action change no row and get a 4xx with a reason", async ({ playwright }) => {
  const databasePath = join(tmpdir(), `drawbridge-invalid-inputs-${process.pid}-${Date.now()}.db`);
  const server = await startServer(databasePath);
  const origin = { Origin: server.url };
  const json = { "Content-Type": "application/json", ...origin };
  const a = await playwright.request.newContext({ baseURL: server.url, maxRedirects: 0 });
  const b = await playwright.request.newContext({ baseURL: server.url });
  // A client of the auth library's HTTP API: no session, and the Origin the library trusts (APP_URL).
  const authClient = await playwright.request.newContext({
    baseURL: server.url,
    extraHTTPHeaders: { Origin: server.url.replace("127.0.0.1", "localhost"), "Content-Type": "application/json" },
  });
  try {
    // Profile A: an attempt with an answer, a practice entry, a reflection.
    expect((await a.post("/api/lessons/the-pattern-from-inside/progress", { headers: json, data: { step: 1 } })).status()).toBe(200);
    const entry = { practisedOn: "2026-11-30", whatHappened: "A friend called.", whatNoticed: "I tensed.", whatYouDid: "I answered." };
    const aEntry = ((await (await a.post("/api/practice/catching-the-reflex/entries", { headers: json, data: entry })).json()) as { entry: { id: string } }).entry.id;
    const started = await a.post("/quiz", { headers: origin, multipart: { [`$ACTION_ID_${actionId("startQuiz")}`]: "" } });
    const aAttempt = /\/quiz\/([^/]+)\/1$/.exec(started.headers()["location"] ?? "")![1]!;
    expect((await a.put(`/api/quiz/attempts/${aAttempt}/answers/ia-01`, { headers: json, data: { value: 2 } })).status()).toBe(200);

    // Profile B: the one sending everything below, with an attempt of its own (its form needs one).
    expect((await b.post("/api/lessons/the-pattern-from-inside/progress", { headers: json, data: { step: 1 } })).status()).toBe(200);
    const bStarted = await b.post("/quiz", { headers: origin, multipart: { [`$ACTION_ID_${actionId("startQuiz")}`]: "" } });
    const bAttempt = /\/quiz\/([^/]+)\/1$/.exec(new URL(bStarted.url()).pathname)![1]!;
    const bQuizPage = `/quiz/${bAttempt}/1`;

    const cases: Case[] = [];
    const add = (target: string, what: string, send: () => Promise<APIResponse>, form = false) => cases.push({ target, what, send, form });

    // --- Route handlers ------------------------------------------------------------------
    const writes = [
      { target: "POST progress", method: "POST", path: "/api/lessons/the-pattern-from-inside/progress", valid: { step: 1 }, fields: ["step"] },
      { target: "POST practice entry", method: "POST", path: "/api/practice/catching-the-reflex/entries", valid: entry, fields: Object.keys(entry) },
      { target: "PUT practice entry", method: "PUT", path: `/api/practice/entries/${aEntry}`, valid: entry, fields: Object.keys(entry) },
      { target: "PUT quiz answer", method: "PUT", path: `/api/quiz/attempts/${bAttempt}/answers/ia-01`, valid: { value: 3 }, fields: ["value"] },
    ];
    const freeText = new Set(["whatHappened", "whatNoticed", "whatYouDid"]);
    for (const write of writes) {
      const send = (data: string | Buffer, headers: Record<string, string> = json) => () => b.fetch(write.path, { method: write.method, headers, data });
      for (const field of write.fields) {
        for (const value of freeText.has(field) ? wrongTypes : wrongForNonText) add(write.target, `${field}=${JSON.stringify(value).slice(0, 30)}`, send(JSON.stringify({ ...write.valid, [field]: value })));
        const { [field]: _missing, ...rest } = write.valid as Record<string, unknown>;
        add(write.target, `no ${field}`, send(JSON.stringify(rest)));
      }
      for (const body of ["", "{", "null", "[]", '"text"', "42", JSON.stringify({ ...write.valid, extra: "x".repeat(70 * 1024) })]) add(write.target, `body ${body.slice(0, 12)}`, send(body));
      add(write.target, "invalid UTF-8", send(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])));
      for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) {
        add(write.target, `Content-Type ${type || "none"}`, send(JSON.stringify(write.valid), { ...origin, "Content-Type": type }));
      }
      for (const foreign of <Record<string, string>[]>[{ Origin: "http://evil.example" }, { Origin: "null" }, { Origin: server.url, "Sec-Fetch-Site": "same-site" }, { "Sec-Fetch-Site": "cross-site" }]) {
        add(write.target, `from ${JSON.stringify(foreign)}`, send(JSON.stringify(write.valid), { "Content-Type": "application/json", ...foreign }));
      }
    }
    // Another profile's ids, and ids that are nobody's, in every route that takes one.
    for (const id of [aEntry, ...badIds]) {
      add("PUT practice entry", `id ${id.slice(0, 20)}`, () => b.put(`/api/practice/entries/${id}`, { headers: json, data: entry }));
      add("DELETE practice entry", `id ${id.slice(0, 20)}`, () => b.delete(`/api/practice/entries/${id}`, { headers: origin }));
    }
    for (const id of [aAttempt, ...badIds]) {
      add("PUT quiz answer", `attempt ${id.slice(0, 20)}`, () => b.put(`/api/quiz/attempts/${id}/answers/ia-01`, { headers: json, data: { value: 3 } }));
      add("PUT quiz answer", `item ${id.slice(0, 20)}`, () => b.put(`/api/quiz/attempts/${bAttempt}/answers/${id}`, { headers: json, data: { value: 3 } }));
    }
    for (const id of badIds) {
      add("POST progress", `lesson ${id.slice(0, 20)}`, () => b.post(`/api/lessons/${id}/progress`, { headers: json, data: { step: 1 } }));
      add("GET reflections", `lesson ${id.slice(0, 20)}`, () => b.get(`/api/lessons/${id}/reflections`));
      add("GET practice entries", `capacity ${id.slice(0, 20)}`, () => b.get(`/api/practice/${id}/entries`));
      add("POST practice entry", `capacity ${id.slice(0, 20)}`, () => b.post(`/api/practice/${id}/entries`, { headers: json, data: entry }));
      add("GET export", `path ${id.slice(0, 20)}`, () => b.get(`/api/me/export/${id}`));
      add("GET health", `path ${id.slice(0, 20)}`, () => b.get(`/api/health/${id}`));
    }
    add("GET export", "no session", async () => {
      const fresh = await playwright.request.newContext({ baseURL: server.url });
      const response = await fresh.get("/api/me/export");
      await response.body();
      return response;
    });
    // The auth library's HTTP API (its own validation, behind our body limit).
    const signUpBodies: unknown[] = [
      {},
      { email: "not-an-email", password: "a quiet harbour at dusk", name: "" },
      { email: "reader@example.org", password: "short", name: "" },
      { email: "reader@example.org", password: "p".repeat(200), name: "" },
      { email: "reader@example.org", password: "a quiet harbour at dusk", name: "N\u0000UL" },
      { email: "reader@example.org", password: "a quiet harbour at dusk", name: "n".repeat(20 * 1024) },
      { email: 42, password: [], name: null },
      ...junk.map((text) => ({ email: text, password: "a quiet harbour at dusk", name: "" })),
    ];
    for (const body of signUpBodies) add("POST auth sign-up", JSON.stringify(body).slice(0, 30), () => authClient.post("/api/auth/sign-up/email", { data: JSON.stringify(body) }));
    for (const body of [{}, { email: "not-an-email", password: "x" }, { email: "a\u0000@example.org", password: "x" }, ...junk.map((text) => ({ email: text, password: "x" }))]) {
      add("POST auth sign-in", JSON.stringify(body).slice(0, 30), () => authClient.post("/api/auth/sign-in/email", { data: JSON.stringify(body) }));
    }
    for (const path of ["/api/auth/no-such-endpoint", "/api/auth/%ff", "/api/auth/sign-up/%00"]) {
      add("POST auth", path, () => authClient.post(path, { data: "{}" }));
      add("GET auth", path, () => authClient.get(path));
    }

    // --- Server actions: the page's own form, posted as a browser without JavaScript does --------
    const forms: { target: string; page: string; valid: Record<string, string>; invalid: Record<string, string[]> }[] = [
      { target: "signUp", page: "/sign-up", valid: { email: "new-reader@example.org", password: "a quiet harbour at dusk" }, invalid: { email: ["", "no-at-sign", "a\u0000@example.org", "e".repeat(300) + "@example.org", ...junk], password: ["", "short", "p".repeat(200)] } },
      { target: "signIn", page: "/sign-in", valid: { email: "new-reader@example.org", password: "a quiet harbour at dusk" }, invalid: { email: ["", "no-at-sign", "a\u0000@example.org", ...junk], password: ["", "p".repeat(200)] } },
      { target: "submitAnswer", page: bQuizPage, valid: { value: "3" }, invalid: { value: ["", "0", "6", "2.5", "abc", ...junk], position: ["0", "999", "x"], itemId: ["", "no-such-item", "a\u0000b", ...junk], attemptId: [aAttempt, "unknown-id", "a\u0000b", "x".repeat(300)] } },
      { target: "saveReflectionForm", page: "/lessons/the-pattern-from-inside/5", valid: { text: "I kept it light." }, invalid: { text: ["t".repeat(5001)], promptId: ["no-such-prompt", "a\u0000b", ...junk], lessonSlug: ["no-such-lesson", "a\u0000b", ...junk] } },
      { target: "deleteEverything", page: "/me/delete", valid: {}, invalid: { confirmation: ["", "delet", "delete please", "delete\u0000", "d".repeat(5000), ...junk] } },
    ];
    for (const form of forms) {
      const hidden = await browserForm(b, form.page);
      const post = (fields: Record<string, string>, headers: Record<string, string> = origin) => () =>
        b.post(form.page, { headers, multipart: { ...hidden, ...form.valid, ...fields } });
      for (const [field, values] of Object.entries(form.invalid)) {
        for (const value of values) add(form.target, `${field}=${JSON.stringify(value).slice(0, 30)}`, post({ [field]: value }), true);
      }
      // The form as it should be, but from another site, or too large.
      add(form.target, "from a foreign origin", post({}, { Origin: "http://evil.example" }), true);
      add(form.target, "over 128 KiB", post({ padding: "x".repeat(200 * 1024) }), true);
      // A script calling the action with arguments no form makes.
      for (const body of ["{{{", "[1,2]", "[null,null]", '["$K1"]']) {
        add(form.target, `called with ${body}`, () => b.post(form.page, { headers: { ...origin, "next-action": actionId(form.target), "Content-Type": "text/plain;charset=UTF-8" }, data: body }), true);
      }
    }

    // --- The practice log's server actions: called by the lesson page's script with arguments ----
    const practicePage = "/lessons/catch-the-reflex/5";
    const call = (name: string, args: unknown[]) => () =>
      b.post(practicePage, { headers: { ...origin, "next-action": actionId(name), "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(args) });
    // A NUL inside free text is kept as written (sealed like any text), as in a reflection, so it is no invalid input here.
    const wrongText = wrongTypes.filter((value) => value !== "a\u0000b");
    const drafts: [string, Record<string, unknown> | unknown][] = [];
    for (const field of Object.keys(entry)) {
      for (const value of freeText.has(field) ? wrongText : wrongForNonText) drafts.push([`${field}=${JSON.stringify(value).slice(0, 30)}`, { ...entry, [field]: value }]);
      const { [field]: _missing, ...rest } = entry as Record<string, unknown>;
      drafts.push([`no ${field}`, rest]);
    }
    for (const draft of [null, [], "text", 42, {}]) drafts.push([`draft ${JSON.stringify(draft)}`, draft]);
    for (const [what, draft] of drafts) {
      add("addToPracticeLog", what, call("addToPracticeLog", ["catching-the-reflex", draft]), true);
      add("changePracticeEntry", what, call("changePracticeEntry", [aEntry, draft]), true);
    }
    for (const capacity of ["not-a-capacity", "", null, 42, "a\u0000b", ...junk]) {
      add("addToPracticeLog", `capacity ${JSON.stringify(capacity).slice(0, 20)}`, call("addToPracticeLog", [capacity, entry]), true);
    }
    for (const id of [aEntry, "unknown-id", "a\u0000b", "x".repeat(300), null, 42, ...junk]) {
      add("changePracticeEntry", `id ${JSON.stringify(id).slice(0, 20)}`, call("changePracticeEntry", [id, entry]), true);
    }
    add("addToPracticeLog", "from a foreign origin", () => b.post(practicePage, { headers: { Origin: "http://evil.example", "next-action": actionId("addToPracticeLog"), "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify(["catching-the-reflex", entry]) }), true);

    const before = countRows(databasePath);
    const failures: string[] = [];
    const statuses = new Map<string, Map<number, number>>();
    for (const { target, what, send, form } of cases) {
      const response = await send();
      const status = response.status();
      const seen = statuses.get(target) ?? new Map<number, number>();
      statuses.set(target, seen.set(status, (seen.get(status) ?? 0) + 1));
      const text = await response.text();
      // A form shown again says why beside a field or above the form (or, called from a script, in its state).
      const reason =
        status === 200 && form
          ? /role="alert"|aria-invalid="true"|"(error|fieldErrors|formError)":/.test(text)
          : /"(error|message)"\s*:\s*"[^"]+"/.test(text) || /<h1|<title>/.test(text);
      const ok = form ? status < 500 && (status >= 400 || status === 200) && reason : status >= 400 && status < 500 && reason;
      if (!ok) failures.push(`${target} ${what}: ${status} ${text.slice(0, 120)}`);
    }
    const after = countRows(databasePath);
    const routeCases = cases.filter((entry) => !entry.form).length;
    console.log(
      `fault: ${cases.length} invalid inputs (${routeCases} to the 11 route handlers, ${cases.length - routeCases} to the 7 server actions that take input), ${failures.length} without a 4xx and a reason, rows compared in ${Object.keys(after).length} tables`,
    );
    for (const [target, seen] of statuses) console.log(`  ${target}: ${[...seen].map(([status, count]) => `${count}× ${status}`).join(", ")}`);
    expect.soft(failures).toEqual([]);
    expect(after).toEqual(before);
    expect(server.output()).not.toMatch(/"request\.failed"/); // and no request ended in an unexpected error
  } finally {
    await a.dispose();
    await b.dispose();
    await authClient.dispose();
    await server.stop();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${databasePath}${suffix}`, { force: true });
  }
});
