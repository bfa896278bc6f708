"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";

const noSubscription = () => () => {};

/**
 * A new recovery code, once: as plain selectable text (so it can be copied without JavaScript),
 * with Copy and Print buttons once the page's script runs. Printing shows this card alone.
 */
export function RecoveryCodeCard({ code }: { code: string }) {
  // Buttons that need a script appear only when it runs; without it the text is there to select.
  const scripted = useSyncExternalStore(noSubscription, () => true, () => false);
  const [copied, setCopied] = useState<"yes" | "no" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(code);
      setCopied("yes");
    } catch {
      setCopied("no");
    }
  }

  return (
    <div data-print-only-this className="rounded-2xl border-2 border-accent bg-surface p-5 sm:p-6">
      <p className="font-semibold" id="recovery-code-label">
        Your recovery code
      </p>
      <p
        aria-labelledby="recovery-code-label"
        data-testid="recovery-code"
        className="mt-3 font-mono text-lg font-semibold tracking-wider break-all select-all min-[400px]:text-xl sm:text-3xl"
      >
        {code}
      </p>
      <p className="mt-3 hidden print:block">
        Drawbridge recovery code. Keep it private. Use it at /recover if you forget your password.
      </p>
      {scripted ? (
        <div className="mt-5 flex flex-wrap gap-3 print:hidden">
          <Button variant="secondary" onClick={copy}>
            Copy code
          </Button>
          <Button variant="secondary" onClick={() => window.print()}>
            Print code
          </Button>
        </div>
      ) : null}
      <p role="status" className="mt-3 text-sm text-muted print:hidden">
        {copied === "yes" ? "Copied. Paste it somewhere safe, like a password manager." : null}
        {copied === "no" ? "Your browser didn’t let this page copy. Please select the code and copy it yourself." : null}
      </p>
    </div>
  );
}
