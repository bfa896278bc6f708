import type { ReactNode } from "react";

/** The page's horizontal frame: centred, with breathing room at the edges on phones. */
export function Container({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className={["mx-auto w-full max-w-page px-5 sm:px-8", className].filter(Boolean).join(" ")}>{children}</div>
  );
}
