import Link from "next/link";
import { DrawbridgeMark } from "./drawbridge-mark";

/** The mark and the name, linking home. */
export function Logo() {
  return (
    <Link
      href="/"
      className="-ml-1 inline-flex min-h-11 items-center gap-2 rounded-md px-1 text-lg font-bold tracking-tight text-ink"
    >
      <DrawbridgeMark className="size-8 shrink-0 text-accent" />
      <span>Drawbridge</span>
    </Link>
  );
}
