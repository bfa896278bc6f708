import Link from "next/link";
import type { ComponentProps } from "react";
import { cn } from "./cn";

export type ButtonVariant = "primary" | "secondary";

const base =
  "inline-flex min-h-12 items-center justify-center gap-2 rounded-full px-6 py-2.5 text-center font-semibold leading-snug transition-colors duration-150 disabled:cursor-not-allowed disabled:opacity-60";

const variants: Record<ButtonVariant, string> = {
  // One primary action per screen: the obvious next step.
  primary: "bg-accent text-on-accent hover:bg-accent-hover",
  // Everything else: an outline that still reads as a button.
  secondary: "border border-line-strong text-accent hover:border-accent hover:bg-accent-soft",
};

/** The class list for anything that should look like a button (links, buttons, form submits). */
export function buttonClassName(variant: ButtonVariant = "primary", extra?: string): string {
  return cn(base, variants[variant], extra);
}

type ButtonProps = ComponentProps<"button"> & { variant?: ButtonVariant };

/** A real <button>; say what happens on it ("Save reflection", "Try again"). */
export function Button({ variant = "primary", className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={buttonClassName(variant, className)} {...props} />;
}

type ButtonLinkProps = ComponentProps<typeof Link> & { variant?: ButtonVariant };

/** A link that leads somewhere and looks like a button: the doors into the quiz and lessons. */
export function ButtonLink({ variant = "primary", className, ...props }: ButtonLinkProps) {
  return <Link className={buttonClassName(variant, className)} {...props} />;
}
