// What the quiz's question form needs both in the browser and in its server action (client-safe).
import { z } from "zod";

/** Said when Next is pressed (or the form posted) with no answer chosen. */
export const CHOOSE_AN_ANSWER = "Choose the answer that fits best, then go on.";

/** The chosen answer as a form posts it; whether it is on the item's scale is lib/data's to check. */
export const postedAnswerValue = z.coerce.number({ message: CHOOSE_AN_ANSWER });
