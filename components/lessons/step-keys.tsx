"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** ← and → move between steps, unless you are typing. */
export function StepKeys({ previous, next }: { previous?: string; next?: string }) {
  const router = useRouter();
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey || event.defaultPrevented) return;
      const target = event.target;
      if (target instanceof Element && target.closest("input, textarea, select, [contenteditable]")) return;
      const href = event.key === "ArrowRight" ? next : event.key === "ArrowLeft" ? previous : undefined;
      if (href) router.push(href);
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [router, previous, next]);
  return null;
}
