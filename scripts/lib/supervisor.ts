// When `npm start` restarts the server process: pure, so its rules are unit-tested
// (tests/unit/supervisor.test.ts); scripts/start.ts does the spawning.

export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 30_000;
/** A server that ran this long was healthy: the next crash waits the first delay again. */
export const HEALTHY_RUN_MS = 60_000;
/** Exits this soon after starting, this many times in a row, mean it cannot start at all. */
export const QUICK_EXIT_MS = 10_000;
export const QUICK_EXITS_TO_GIVE_UP = 5;

export type ServerExit = { code: number | null; signal: NodeJS.Signals | null; ranForMs: number };
export type RestartDecision = { restart: true; delayMs: number } | { restart: false; reason: string };

/**
 * Whether the server ended because someone stopped it: by SIGINT or SIGTERM (Ctrl-C reaches the
 * whole process group), or with the exit codes Next.js uses after handling them (130, 143).
 */
export function wasStopped(exit: Pick<ServerExit, "code" | "signal">): boolean {
  return exit.signal === "SIGINT" || exit.signal === "SIGTERM" || exit.code === 130 || exit.code === 143;
}

export class RestartPolicy {
  private delayMs = 0;
  private quickExits = 0;

  /** Called when the server process ends without being asked to: restart it, and after how long. */
  afterExit(exit: ServerExit): RestartDecision {
    if (exit.ranForMs >= HEALTHY_RUN_MS) {
      this.delayMs = 0;
      this.quickExits = 0;
    }
    this.quickExits = exit.ranForMs < QUICK_EXIT_MS ? this.quickExits + 1 : 0;
    if (this.quickExits >= QUICK_EXITS_TO_GIVE_UP) {
      return { restart: false, reason: `the server failed ${this.quickExits} times in a row within ${QUICK_EXIT_MS / 1000} s of starting` };
    }
    this.delayMs = this.delayMs === 0 ? FIRST_DELAY_MS : Math.min(this.delayMs * 2, MAX_DELAY_MS);
    return { restart: true, delayMs: this.delayMs };
  }
}

/**
 * The server's command line after `node`: V8's heap setting (HEAP_GROWING_PERCENT, none when 0),
 * then Next.js's own. V8 flags must come before the script: NODE_OPTIONS does not take this one.
 */
export function serverArgs(nextBin: string, options: { dev: boolean; port: number; heapGrowingPercent: number }): string[] {
  const v8 = options.heapGrowingPercent > 0 ? [`--heap-growing-percent=${options.heapGrowingPercent}`] : [];
  return [...v8, nextBin, options.dev ? "dev" : "start", "-p", String(options.port)];
}
