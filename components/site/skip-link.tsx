/** The first stop for keyboard users: jumps past the header to <main id="main">. Hidden above the page until focused. */
export function SkipLink() {
  return (
    <a
      href="#main"
      className="fixed top-3 left-3 z-50 inline-flex min-h-11 -translate-y-[calc(100%+1.5rem)] items-center rounded-full bg-accent px-5 font-semibold text-on-accent shadow-md focus:translate-y-0 print:hidden"
    >
      Skip to content
    </a>
  );
}
