import type { ReactNode } from "react";
import { cn } from "./cn";

/**
 * A reading column (about 65 characters) that styles plain paragraphs, h2/h3, lists,
 * links and <strong> inside it. Use it for any page or lesson made of running text.
 */
export function Prose({ children, className }: { children: ReactNode; className?: string }) {
  return <div className={cn("prose", className)}>{children}</div>;
}
