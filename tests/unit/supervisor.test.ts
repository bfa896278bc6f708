import { describe, expect, it } from "vitest";
import { RestartPolicy, serverArgs, wasStopped } from "@/scripts/lib/supervisor";

const crash = (ranForMs: number) => ({ code: null, signal: "SIGKILL" as const, ranForMs });

describe("npm start's restart policy", () => {
  it("restarts a crashed server after 1 s, doubling the wait on each crash in a row up to 30 s", () => {
    const policy = new RestartPolicy();
    const delays = Array.from({ length: 8 }, () => policy.afterExit(crash(20_000)));
    expect(delays.map((decision) => (decision.restart ? decision.delayMs : null))).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000,
    ]);
  });

  it("starts counting from 1 s again after the server has run well for a minute", () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 4; i++) policy.afterExit(crash(20_000));
    expect(policy.afterExit(crash(61_000))).toEqual({ restart: true, delayMs: 1000 });
    expect(policy.afterExit(crash(20_000))).toEqual({ restart: true, delayMs: 2000 });
  });

  it("gives up on a server that fails at start-up five times in a row, since waiting cannot fix a setting", () => {
    const policy = new RestartPolicy();
    const decisions = Array.from({ length: 5 }, () => policy.afterExit({ code: 1, signal: null, ranForMs: 300 }));
    expect(decisions.slice(0, 4).every((decision) => decision.restart)).toBe(true);
    expect(decisions[4]).toMatchObject({ restart: false });
    console.log(`fault: ${8 + 6 + 5} server exits decided`);
  });

  it("tells a server someone stopped (SIGINT, SIGTERM) from one that crashed", () => {
    expect(wasStopped({ code: null, signal: "SIGTERM" })).toBe(true);
    expect(wasStopped({ code: 143, signal: null })).toBe(true);
    expect(wasStopped({ code: 130, signal: null })).toBe(true);
    expect(wasStopped({ code: null, signal: "SIGKILL" })).toBe(false); // the out-of-memory killer, kill -9
    expect(wasStopped({ code: 1, signal: null })).toBe(false);
    expect(wasStopped({ code: 134, signal: null })).toBe(false); // V8 aborting when the heap is exhausted
  });

  it("does not count a quick failure after a long healthy run towards giving up", () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 4; i++) policy.afterExit({ code: 1, signal: null, ranForMs: 300 });
    policy.afterExit(crash(120_000));
    expect(policy.afterExit({ code: 1, signal: null, ranForMs: 300 })).toMatchObject({ restart: true });
  });
});

describe("the server's command line", () => {
  it("starts Next.js with V8's heap growth capped at HEAP_GROWING_PERCENT, the flag before the script", () => {
    expect(serverArgs("/app/next", { dev: false, port: 3000, heapGrowingPercent: 20 })).toEqual([
      "--heap-growing-percent=20",
      "/app/next",
      "start",
      "-p",
      "3000",
    ]);
  });

  it("leaves the heap to V8 when the setting is 0, and runs the development server for npm run dev", () => {
    expect(serverArgs("/app/next", { dev: true, port: 4000, heapGrowingPercent: 0 })).toEqual(["/app/next", "dev", "-p", "4000"]);
  });
});
