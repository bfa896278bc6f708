// One way to join class names: falsy parts (a missing className, a condition not met) drop out.
import { clsx, type ClassValue } from "clsx";

export function cn(...parts: ClassValue[]): string {
  return clsx(parts);
}
