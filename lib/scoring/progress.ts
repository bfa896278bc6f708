import type { Quiz } from "./types";

/** Index of the first item (in asking order) without an answer; -1 when every item has one. */
export function firstUnansweredIndex(quiz: Pick<Quiz, "items">, answers: Readonly<Record<string, number>>): number {
  return quiz.items.findIndex((item) => answers[item.id] === undefined);
}
