// The quiz's addresses, written in one place for pages, actions and the client flow.
export const questionPath = (attemptId: string, position: number) => `/quiz/${attemptId}/${position}`;
export const resultPath = (attemptId: string) => `/results/${attemptId}`;
/** The paged list of all of a person's results; page 1 is the newest. */
export const resultsListPath = (page: number) => (page <= 1 ? "/me/results" : `/me/results?page=${page}`);
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
