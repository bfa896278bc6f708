// A browser for the server actions, in tests that mock next/headers and next/navigation with it:
//   vi.mock("next/headers", async () => (await import("./support/recovery-browser")).nextHeaders());
//   vi.mock("next/headers.js", …the same…); vi.mock("next/navigation", async () => (await import("./support/recovery-browser")).navigation());
// No app module is imported here, so the mocks can load it before the app; the account helpers
// are in ./recovery-accounts.ts.

/** One browser's request: its Cookie header, and the cookies the response sets (as a browser keeps them). */
export const browser = { jar: new Map<string, string>(), address: "" };

export function nextHeaders() {
  return {
    headers: async () => {
      const headers = new Headers({ cookie: [...browser.jar].map(([name, value]) => `${name}=${value}`).join("; ") });
      if (browser.address) headers.set("x-forwarded-for", browser.address);
      return headers;
    },
    cookies: async () => ({
      get: (name: string) => (browser.jar.has(name) ? { name, value: browser.jar.get(name)! } : undefined),
      getAll: () => [...browser.jar].map(([name, value]) => ({ name, value })),
      set: (name: string, value: string, options?: { maxAge?: number }) => {
        if (value === "" || options?.maxAge === 0) browser.jar.delete(name);
        else browser.jar.set(name, value);
      },
    }),
  };
}

export class Redirected extends Error {
  constructor(readonly to: string) {
    super(`redirect to ${to}`);
  }
}

export function navigation() {
  return {
    redirect: (to: string) => {
      throw new Redirected(to);
    },
  };
}
