"use client";

import { DrawbridgeMark } from "@/components/site/drawbridge-mark";
import { ErrorMessage } from "@/components/site/error-message";
import { LeaveQuickly } from "@/components/site/leave-quickly";
import { Button, buttonClassName } from "@/components/ui/button";
import { Container } from "@/components/ui/container";
import "./globals.css";

// Replaces the root layout when it fails, so it brings its own <html>, <body> and styles.
// A plain <a> reloads the whole app, which is what a broken root needs.
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh flex-col">
        <title>Something went wrong · Drawbridge</title>
        <LeaveQuickly />
        <header className="border-b border-line">
          <Container className="flex min-h-17 items-center py-3">
            <span className="inline-flex items-center gap-2 text-lg font-bold tracking-tight">
              <DrawbridgeMark className="size-8 text-accent" />
              Drawbridge
            </span>
          </Container>
        </header>
        <main id="main" className="flex-1">
          <Container className="py-12 sm:py-16">
            <ErrorMessage
              actions={
                <>
                  <Button onClick={() => retry()}>Try again</Button>
                  {/* A full page load: the root layout failed, so the client router cannot be trusted. */}
                  {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
                  <a href="/" className={buttonClassName("secondary")}>
                    Go to the home page
                  </a>
                </>
              }
            />
          </Container>
        </main>
      </body>
    </html>
  );
}
