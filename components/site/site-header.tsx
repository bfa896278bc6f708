import { Container } from "@/components/ui/container";
import { Logo } from "./logo";
import { NavLink } from "./nav-link";

export const mainNavigation = [
  { href: "/lessons", label: "Lessons" },
  { href: "/quiz", label: "Quiz" },
  { href: "/me", label: "My journey" },
] as const;

export function SiteHeader() {
  return (
    <header className="border-b border-line print:hidden">
      <Container className="flex flex-col items-start gap-1 py-3 sm:flex-row sm:items-center sm:justify-between sm:gap-6">
        <Logo />
        <nav aria-label="Main">
          <ul className="-ml-2.5 flex items-center gap-1 sm:-mr-3 sm:ml-0 sm:gap-2">
            {mainNavigation.map((item) => (
              <li key={item.href}>
                <NavLink href={item.href}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </Container>
    </header>
  );
}
