import { readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";

export const baseURL = `http://127.0.0.1:${process.env.E2E_PORT}`;

/** A server action's id in this build, by its exported name (what a page's form posts). */
export function actionId(name: string): string {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { exportedName?: string }>;
  };
  const found = Object.entries(manifest.node).find(([, action]) => action.exportedName === name);
  if (!found) throw new Error(`No server action named ${name} in this build`);
  return found[0];
}

/**
 * Sends `bytes` of body in 64 KiB chunks with Transfer-Encoding: chunked (no Content-Length), the
 * way a client hides a body's size. Resolves with the answer, which may come before all is sent.
 */
export function sendChunked(
  path: string,
  { method = "POST", headers = {}, prefix = "", bytes }: { method?: string; headers?: Record<string, string>; prefix?: string; bytes: number },
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${baseURL}${path}`, { method, headers: { ...headers, "Transfer-Encoding": "chunked" } });
    let answered = false;
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("error", (error) => {
      if (!answered) reject(error);
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    const pump = () => {
      if (sent === 0 && prefix) request.write(prefix);
      while (sent < bytes && !answered && !request.destroyed) {
        sent += chunk.length;
        if (!request.write(chunk)) return void request.once("drain", pump);
      }
      if (!request.destroyed) request.end();
    };
    pump();
  });
}
