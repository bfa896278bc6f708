// The quiz's addresses, written in one place for pages, actions and the client flow.
export const questionPath = (attemptId: string, position: number) => `/quiz/${attemptId}/${position}`;
export const resultPath = (attemptId: string) => `/results/${attemptId}`;
export const lessonStepPath = (slug: string, step: number) => `/lessons/${slug}/${step}`;
/** "Leave quickly": answered with a redirect to the neutral site QUICK_EXIT_URL names. */
export const LEAVE_PATH = "/leave";
