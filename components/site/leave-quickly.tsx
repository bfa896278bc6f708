"use client";

import { useEffect, useRef, useState, type MouseEvent } from "react";
import { Container } from "@/components/ui/container";
import { LEAVE_PATH } from "@/lib/routes";

/** The tab-only mark that public/leave-guard.js reads when Back brings this tab to Drawbridge again. */
const LEFT_MARK = "drawbridge:left";
/** Shift on its own, this many times in a row… */
export const SHIFT_PRESSES_TO_LEAVE = 3;
/** …with no more than this long between two presses. */
const PRESS_WINDOW_MS = 5000;

/**
 * Replaces this page with the neutral site. `location.replace` leaves no entry for this page
 * in the tab's history; the mark makes any earlier Drawbridge page that Back reaches move on
 * too (public/leave-guard.js). The page goes blank at once, so nothing stays readable while
 * the other site loads.
 */
export function leaveNow(): void {
  try {
    sessionStorage.setItem(LEFT_MARK, "1");
  } catch {
    // Storage can be switched off; the page itself still goes.
  }
  document.documentElement.style.visibility = "hidden";
  window.location.replace(LEAVE_PATH);
}

/**
 * "Leave quickly", at the top of every page: for someone who needs Drawbridge off the screen
 * now. Without JavaScript it is a plain link to the same place (the page then stays in the
 * history). With JavaScript, pressing Shift three times does the same from anywhere on the page.
 */
export function LeaveQuickly() {
  const [ready, setReady] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const presses = useRef(0);
  const lastWasModifier = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  useEffect(() => {
    setReady(true);
    const reset = () => {
      presses.current = 0;
      window.clearTimeout(timer.current);
      timer.current = undefined;
    };
    // keyup, not keydown: Shift held as a modifier (Shift+A) ends with a keyup for A that
    // carries shiftKey, so the Shift keyup after it is not counted as a press on its own.
    const onKeyUp = (event: KeyboardEvent) => {
      const alone = event.key === "Shift" && !lastWasModifier.current;
      lastWasModifier.current = event.shiftKey;
      if (!alone) {
        if (presses.current > 0) {
          reset();
          setAnnouncement("");
        }
        return;
      }
      presses.current += 1;
      window.clearTimeout(timer.current);
      if (presses.current >= SHIFT_PRESSES_TO_LEAVE) {
        reset();
        leaveNow();
        return;
      }
      const left = SHIFT_PRESSES_TO_LEAVE - presses.current;
      setAnnouncement(`Press Shift ${left} more ${left === 1 ? "time" : "times"} to leave this site.`);
      timer.current = window.setTimeout(() => {
        reset();
        setAnnouncement("");
      }, PRESS_WINDOW_MS);
    };
    // Back to a page the browser kept whole: show it again if the person came back on purpose.
    const onPageShow = () => {
      document.documentElement.style.visibility = "";
      reset();
      setAnnouncement("");
    };
    document.addEventListener("keyup", onKeyUp, true);
    window.addEventListener("pageshow", onPageShow);
    return () => {
      document.removeEventListener("keyup", onKeyUp, true);
      window.removeEventListener("pageshow", onPageShow);
      window.clearTimeout(timer.current);
    };
  }, []);

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    // A click that asks for a new tab or window is left to the browser.
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    leaveNow();
  };

  return (
    <aside aria-label="Leave quickly" className="sticky top-0 z-40 border-b border-line bg-canvas print:hidden">
      <Container className="flex min-h-12 items-center justify-end gap-3 py-1">
        {ready ? (
          <p id="leave-quickly-hint" className="hidden text-sm text-muted sm:block">
            Or press <kbd className="rounded border border-line-strong px-1 font-sans text-xs">Shift</kbd>{" "}
            {SHIFT_PRESSES_TO_LEAVE} times
          </p>
        ) : null}
        <a
          href={LEAVE_PATH}
          rel="noreferrer"
          onClick={onClick}
          aria-describedby={ready ? "leave-quickly-hint" : undefined}
          className="inline-flex min-h-10 items-center rounded-full border border-line-strong bg-surface px-4 text-sm font-semibold text-ink hover:border-accent hover:bg-accent-soft"
        >
          Leave quickly
        </a>
        {/* Polite, and not a role="status": the page's own status messages stay the only ones. */}
        <span aria-live="polite" className="sr-only">
          {announcement}
        </span>
      </Container>
    </aside>
  );
}
