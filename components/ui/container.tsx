import type { ReactNode } from "react";
import { cn } from "./cn";

/** The page's horizontal frame: centred, with breathing room at the edges on phones. */
export function Container({ children, className }: { children: ReactNode; className?: string }) {
  return (
    <div className={cn("mx-auto w-full max-w-page px-5 sm:px-8", className)}>{children}</div>
  );
}
