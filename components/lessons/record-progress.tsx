"use client";

import { useEffect } from "react";
import { afterFirstSave } from "./first-save";

/** Tells the server the visitor reached this step (the page itself is the same for everyone). */
export function RecordProgress({ lessonSlug, step }: { lessonSlug: string; step: number }) {
  useEffect(() => {
    afterFirstSave(() =>
      fetch(`/api/lessons/${lessonSlug}/progress`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ step }),
        keepalive: true,
      }),
    ).catch(() => {
      // Reading goes on; the next step reached records progress again.
    });
  }, [lessonSlug, step]);
  return null;
}
