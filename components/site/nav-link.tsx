"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { ReactNode } from "react";

/**
 * A header link that knows whether it is the current page: aria-current="page" on the
 * page itself, "true" on pages inside its section (a single lesson, a result).
 */
export function NavLink({ href, children }: { href: string; children: ReactNode }) {
  const pathname = usePathname();
  const current = pathname === href ? "page" : pathname.startsWith(`${href}/`) ? "true" : undefined;
  return (
    <Link
      href={href}
      aria-current={current}
      className="relative inline-flex min-h-11 items-center rounded-md px-2.5 font-medium text-muted hover:text-ink aria-[current]:text-ink after:absolute after:inset-x-2.5 after:bottom-1 after:h-0.5 after:rounded-full after:bg-transparent aria-[current]:after:bg-accent sm:px-3 sm:after:inset-x-3"
    >
      {children}
    </Link>
  );
}
