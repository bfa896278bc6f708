import { currentOrNewProfile } from "@/lib/auth/profile";
import { TooManyRequests } from "@/lib/data/errors";
import {
  IMPORT_MAX_BYTES,
  ImportRefused,
  importProfileData,
  readExportFile,
  reserveImport,
  type ImportProblem,
  type ImportSummary,
} from "@/lib/data/profile-import";
import { readBodyBytes, refuseCrossSiteWrite } from "@/lib/http/body";
import { refusalMessage, refusalResponse } from "@/lib/http/failures";
import { seeOther } from "@/lib/http/see-other";
import { importPath } from "@/lib/routes";

/** Room for the multipart form's own lines around the file. */
const FORM_OVERHEAD = 64 * 1024;

/**
 * "Bring back your data": the import form's post (multipart/form-data, the file in "file"), so it
 * works without JavaScript. The file is read and checked whole before anything is written, then
 * merged into the visitor's profile in one transaction (lib/data/profile-import.ts). A browser is
 * sent back to /me/import, which says what changed or why nothing did; any other client gets JSON:
 * 200 with what changed, or 4xx with the reason.
 */
export async function POST(request: Request): Promise<Response> {
  const crossSite = refuseCrossSiteWrite(request);
  if (crossSite) return crossSite.refused;
  const fromForm = request.headers.get("accept")?.includes("text/html") ?? false;
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.startsWith("multipart/form-data")) {
    return Response.json({ error: "Send the import form (multipart/form-data, the file in the field “file”)." }, { status: 415 });
  }
  try {
    const read = await readBodyBytes(request, IMPORT_MAX_BYTES + FORM_OVERHEAD);
    if ("refused" in read) throw new ImportRefused({ code: "too-large" });
    const form = await new Response(read.bytes, { headers: { "content-type": contentType } }).formData().catch(() => null);
    const chosen = form?.get("file");
    if (!(chosen instanceof File) || chosen.size === 0) throw new ImportRefused({ code: "no-file" });
    if (chosen.size > IMPORT_MAX_BYTES) throw new ImportRefused({ code: "too-large" });
    const file = readExportFile(await chosen.text());

    const profile = await currentOrNewProfile();
    await reserveImport(profile);
    const summary = await importProfileData(profile, file);
    return fromForm ? backToTheForm({ done: 1, ...summary }) : Response.json({ imported: summary satisfies ImportSummary });
  } catch (error) {
    if (error instanceof ImportRefused) {
      if (fromForm) return backToTheForm(error.problem);
      const status = error.problem.code === "too-large" ? 413 : error.problem.code === "too-many-entries" ? 409 : 400;
      return Response.json({ error: error.message, problem: error.problem.code, detail: error.detail }, { status });
    }
    if (!fromForm) return refusalResponse(error);
    if (error instanceof TooManyRequests) return backToTheForm({ code: "too-soon", wait: error.retryAfterSeconds });
    refusalMessage(error); // rethrows a real fault; what is left is "nothing could be saved just now"
    return backToTheForm({ code: "not-saved" });
  }
}

const backToTheForm = (outcome: ImportProblem | ({ done: 1 } & ImportSummary)) => seeOther(importPath(outcome));
