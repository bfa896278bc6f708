import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { SiteFooter } from "@/components/site/site-footer";
import { LeaveQuickly } from "@/components/site/leave-quickly";
import { SiteHeader } from "@/components/site/site-header";
import { SkipLink } from "@/components/site/skip-link";
import "./globals.css";

export const metadata: Metadata = {
  title: {
    template: "%s · Drawbridge",
    default: "Drawbridge · For when you want closeness and keep pulling away",
  },
  description:
    "A self-guided place to understand why you push closeness away, and to practise letting the right people in. Guided lessons, a patterns quiz, no sign-up.",
  applicationName: "Drawbridge",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#faf7f2" },
    { media: "(prefers-color-scheme: dark)", color: "#1a1816" },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <head>
        {/* Blocking on purpose, and tiny: it must run before a page reached by Back is drawn. */}
        {/* eslint-disable-next-line @next/next/no-sync-scripts */}
        <script src="/leave-guard.js" />
      </head>
      <body className="flex min-h-dvh flex-col">
        <SkipLink />
        <LeaveQuickly />
        <SiteHeader />
        <main id="main" tabIndex={-1} className="flex-1">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
