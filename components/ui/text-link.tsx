import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/** An underlined link for use outside <Prose> (inside it, plain <a>/<Link> are styled already). */
export function TextLink({ className, ...props }: ComponentProps<typeof Link>) {
  return (
    <Link
      className={cn(
        "text-accent underline decoration-1 underline-offset-[0.2em] hover:text-accent-hover hover:decoration-2",
        className,
      )}
      {...props}
    />
  );
}
