import Link from "next/link";
import { Container } from "@/components/ui/container";

const footerLinks = [
  { href: "/about", label: "About" },
  { href: "/privacy", label: "Privacy" },
  { href: "/help", label: "Help" },
  { href: "/sources", label: "Sources" },
] as const;

export function SiteFooter() {
  return (
    <footer className="mt-20 border-t border-line bg-surface print:hidden">
      <Container className="flex flex-col gap-4 py-8 sm:flex-row sm:items-center sm:justify-between">
        <nav aria-label="Footer">
          <ul className="-ml-2.5 flex flex-wrap gap-1">
            {footerLinks.map((item) => (
              <li key={item.href}>
                <Link
                  href={item.href}
                  className="inline-flex min-h-11 items-center rounded-md px-2.5 text-muted underline-offset-[0.2em] hover:text-ink hover:underline"
                >
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <p className="max-w-reading text-sm text-muted">
          Drawbridge is a tool for reflection, not therapy or a diagnosis.
        </p>
      </Container>
    </footer>
  );
}
