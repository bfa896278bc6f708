/**
 * 303 See Other to a path on this site, written as a relative Location. Not an absolute address
 * made from request.url: behind `next start` that is http://localhost:PORT whatever address the
 * browser used, so the browser would leave for another origin (and the form-action policy would
 * stop the navigation).
 */
export function seeOther(path: string): Response {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`seeOther takes a path on this site, not ${JSON.stringify(path)}`);
  return new Response(null, { status: 303, headers: { Location: path, "Cache-Control": "no-store" } });
}
