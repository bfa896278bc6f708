"use client";

import { usePathname } from "next/navigation";
import { startTransition, useActionState, useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { submitAnswer, type AnswerFormState } from "@/lib/actions/quiz";
import { buttonClassName } from "@/components/ui/button";
import { questionPath, resultPath } from "@/lib/routes";
import { CHOOSE_AN_ANSWER } from "@/lib/validation/quiz";
import { QuizProgress } from "./quiz-progress";

type Props = {
  attemptId: string;
  items: readonly { id: string; text: string }[];
  scale: readonly { value: number; label: string }[];
  /** What every statement is answered about (a time frame and who): in full on question 1, in small type after. */
  instruction: string;
  initialAnswers: Readonly<Record<string, number>>;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One quiz item per screen. Without JavaScript the form posts to `submitAnswer` and the
 * server shows the next question. With it, the next question appears at once and each
 * answer is saved in the background (retried until it lands); the last answer goes through
 * `submitAnswer` after every earlier save has landed, and the server finishes the attempt.
 */
export function QuizQuestion({ attemptId, items, scale, instruction, initialAnswers }: Props) {
  const pathname = usePathname();
  const position = Math.min(Math.max(Number(pathname.split("/").pop()) || 1, 1), items.length);
  const item = items[position - 1]!;
  const isLast = position === items.length;

  const [answers, setAnswers] = useState<Record<string, number>>(() => ({ ...initialAnswers }));
  // What is chosen and what is wrong belong to one item: a key pressed on a question that has
  // just appeared is never undone by the screen catching up with the move (no effect resets them).
  const [picked, setPicked] = useState<{ itemId: string; value: number } | undefined>();
  const [problem, setProblem] = useState<{ itemId: string; message: string } | undefined>();
  const choice = picked?.itemId === item.id ? picked.value : answers[item.id];
  const error = problem?.itemId === item.id ? problem.message : undefined;
  const setChoice = (value: number) => setPicked({ itemId: item.id, value });
  const setError = (message: string | undefined) => setProblem(message === undefined ? undefined : { itemId: item.id, message });
  const [saveProblem, setSaveProblem] = useState(false);
  const [state, formAction, finishing] = useActionState<AnswerFormState, FormData>(submitAnswer, {});
  const fieldset = useRef<HTMLFieldSetElement>(null);
  const moved = useRef(false);

  // Answers waiting to reach the server: item id → latest value. Sent one at a time, in order.
  const outbox = useRef(new Map<string, number>());
  const flushing = useRef<Promise<void> | null>(null);

  const flush = useCallback((): Promise<void> => {
    flushing.current ??= (async () => {
      let delay = 500;
      while (outbox.current.size > 0) {
        const [itemId, value] = outbox.current.entries().next().value!;
        try {
          const response = await fetch(`/api/quiz/attempts/${attemptId}/answers/${encodeURIComponent(itemId)}`, {
            method: "PUT",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify({ value }),
            keepalive: true, // a reload or a closed tab must not cancel a save in flight
          });
          if (response.status === 409) {
            // Finished elsewhere: its results. The quiz updated since this began: this page, reloaded, explains.
            const reason = await response.json().then((body: { reason?: unknown }) => body.reason, () => undefined);
            return reason === "quiz-updated" ? window.location.reload() : window.location.assign(resultPath(attemptId));
          }
          if (!response.ok && response.status < 500) return window.location.reload(); // the server's page says why
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          if (outbox.current.get(itemId) === value) outbox.current.delete(itemId);
          delay = 500;
          setSaveProblem(false);
        } catch {
          setSaveProblem(true);
          await sleep(delay);
          delay = Math.min(delay * 2, 8000);
        }
      }
    })().finally(() => {
      flushing.current = null;
    });
    return flushing.current;
  }, [attemptId]);

  // After a move, focus goes to the chosen answer of the item now on screen (or its first).
  useEffect(() => {
    if (!moved.current) return;
    const radios = fieldset.current?.querySelectorAll<HTMLInputElement>('input[type="radio"]');
    const target = [...(radios ?? [])].find((radio) => radio.checked) ?? radios?.[0];
    target?.focus();
  }, [item.id]);

  function go(to: number) {
    moved.current = true;
    window.history.pushState(null, "", questionPath(attemptId, to));
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (finishing) return;
    if (choice === undefined) {
      setError(CHOOSE_AN_ANSWER);
      fieldset.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus();
      return;
    }
    const data = new FormData(event.currentTarget);
    setAnswers((previous) => ({ ...previous, [item.id]: choice }));
    if (!isLast) {
      outbox.current.set(item.id, choice);
      void flush();
      go(position + 1);
      return;
    }
    await flush();
    startTransition(() => formAction(data));
  }

  function onKeyDown(event: KeyboardEvent<HTMLFieldSetElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const option = scale.find((entry) => String(entry.value) === event.key);
    if (option) {
      event.preventDefault();
      setChoice(option.value);
      setError(undefined);
      fieldset.current?.querySelector<HTMLInputElement>(`input[value="${option.value}"]`)?.focus();
    } else if (event.key === "Enter") {
      event.preventDefault();
      event.currentTarget.form?.requestSubmit();
    }
  }

  const shownError = error ?? state.error;
  const errorId = `question-${item.id}-error`;

  return (
    <div>
      <QuizProgress position={position} total={items.length} />
      {position === 1 ? (
        <p id="quiz-instruction" className="mt-6 rounded-2xl border border-line bg-surface px-5 py-4 text-lg">
          {instruction}
        </p>
      ) : (
        <p id="quiz-instruction" className="mt-5 text-sm text-muted">
          {instruction}
        </p>
      )}
      <form action={formAction} onSubmit={onSubmit} noValidate className="mt-6">
        <input type="hidden" name="attemptId" value={attemptId} />
        <input type="hidden" name="position" value={position} />
        <input type="hidden" name="itemId" value={item.id} />
        <fieldset
          ref={fieldset}
          onKeyDown={onKeyDown}
          // The instruction is read with the first statement; after that it stays on screen in small type.
          aria-describedby={shownError ? errorId : position === 1 ? "quiz-instruction quiz-keys-hint" : "quiz-keys-hint"}
          aria-invalid={shownError ? true : undefined}
        >
          <legend className="text-2xl leading-snug font-semibold text-balance sm:text-3xl">{item.text}</legend>
          <p id="quiz-keys-hint" className="sr-only">
            Use the arrow keys or the numbers 1 to 5 to choose, and Enter to go on.
          </p>
          <div className="mt-7 grid gap-3">
            {scale.map((option) => (
              <label
                key={option.value}
                className="flex min-h-14 cursor-pointer items-center gap-4 rounded-2xl border border-line-strong bg-canvas px-5 py-3 text-lg transition-colors hover:border-accent has-checked:border-accent has-checked:bg-accent-soft has-focus-visible:outline-3 has-focus-visible:outline-offset-2 has-focus-visible:outline-focus"
              >
                <input
                  type="radio"
                  name="value"
                  value={option.value}
                  checked={choice === option.value}
                  onChange={() => {
                    setChoice(option.value);
                    setError(undefined);
                  }}
                  autoFocus={!moved.current && option.value === (choice ?? scale[0]!.value)}
                  className="size-5 shrink-0 accent-accent focus-visible:outline-none"
                />
                <span className="flex-1">{option.label}</span>
                <span aria-hidden="true" className="text-sm text-muted tabular-nums">
                  {option.value}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
        <p id={errorId} role="alert" className="mt-4 min-h-7 font-medium text-accent">
          {shownError}
        </p>
        {saveProblem ? (
          <p role="status" className="mt-2 text-muted">
            We couldn’t save your last answer yet. We’ll keep trying; your answers stay here.
          </p>
        ) : null}
        <div className="mt-4 flex items-center justify-between gap-4">
          {position > 1 ? (
            <a
              href={questionPath(attemptId, position - 1)}
              onClick={(event) => {
                event.preventDefault();
                go(position - 1);
              }}
              className={buttonClassName("secondary")}
            >
              Back
            </a>
          ) : (
            // A full page load back to the quiz's start, as it has always been (not a client-side Link).
            // eslint-disable-next-line @next/next/no-html-link-for-pages
            <a href="/quiz" className={buttonClassName("secondary")}>
              Back
            </a>
          )}
          <button type="submit" className={buttonClassName("primary", "min-w-36")} disabled={finishing}>
            {isLast ? (finishing ? "Working out your results…" : "See my results") : "Next"}
          </button>
        </div>
      </form>
    </div>
  );
}
