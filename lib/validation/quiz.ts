// What the quiz's question form says both in the browser and in its server action (client-safe, no zod).

/** Said when Next is pressed (or the form posted) with no answer chosen. */
export const CHOOSE_AN_ANSWER = "Choose the answer that fits best, then go on.";
