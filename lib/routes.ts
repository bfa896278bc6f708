// The quiz's addresses, written in one place for pages, actions and the client flow.
export const questionPath = (attemptId: string, position: number) => `/quiz/${attemptId}/${position}`;
export const resultPath = (attemptId: string) => `/results/${attemptId}`;
/**
 * The paged list of all of a person's results; page 1 is the newest. `chosen`: the results
 * chosen to compare so far, kept as the pages change; `checked`: the choice was just sent.
 */
export function resultsListPath(page: number, chosen: readonly string[] = [], checked = false): string {
  const query = new URLSearchParams();
  if (page > 1) query.set("page", String(page));
  for (const id of chosen) query.append("choose", id);
  if (checked) query.set("checked", "1");
  const text = query.toString();
  return text ? `/me/results?${text}` : "/me/results";
}
/** Two results side by side, the earlier first. */
export const comparePath = (from: string, to: string) => `/me/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
export const lessonStepPath = (slug: string, step: number) => `/lessons/${slug}/${step}`;
/** "Leave quickly": answered with a redirect to the neutral site QUICK_EXIT_URL names. */
export const LEAVE_PATH = "/leave";
/** The reminder form on a page of its own (where a refused form comes back, with its problem). */
export const remindersPath = (kind: "retake-quiz" | "practice", options: { problem?: string; lesson?: string } = {}) => {
  const query = new URLSearchParams({ kind });
  if (options.lesson) query.set("lesson", options.lesson);
  if (options.problem) query.set("problem", options.problem);
  return `/reminders?${query}`;
};
/** Where the reminder form posts; it answers with a calendar file. */
export const REMINDER_FILE_PATH = "/api/reminders";
/** One result as a PDF report (GET, ?result=<id>&reflections=on&practice=on). */
export const REPORT_PATH = "/api/me/report";
/** "Bring back your data": the import form, and where it says what a file changed or why it was refused. */
export const IMPORT_PAGE_PATH = "/me/import";
/** Where the import form posts (multipart/form-data, the file in the field "file"). */
export const IMPORT_FILE_PATH = "/api/me/import";
export function importPath(outcome: Record<string, string | number> = {}): string {
  const query = new URLSearchParams(Object.entries(outcome).map(([key, value]) => [key, String(value)]));
  return query.size ? `${IMPORT_PAGE_PATH}?${query}` : IMPORT_PAGE_PATH;
}
