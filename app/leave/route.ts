import { config } from "@/lib/config";

export const dynamic = "force-dynamic";

/**
 * "Leave quickly" lands here: a redirect to the neutral site the operator chose (QUICK_EXIT_URL),
 * read when the request comes in, so changing it needs no new build. Nothing is logged and
 * nothing is kept; no referrer goes with the person to the other site.
 */
export function GET() {
  return new Response(null, {
    status: 303,
    headers: {
      Location: config().quickExitUrl,
      "Cache-Control": "no-store",
      "Referrer-Policy": "no-referrer",
    },
  });
}
