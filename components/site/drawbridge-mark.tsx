/** A gatehouse whose bridge is down over the moat (app/icon.svg draws the same lines). */
const drawbridgeMarkPaths = [
  "M5 19V5h3.5v2.5h4V5h7v2.5h4V5H27v14",
  "M12.5 19v-4.5a3.5 3.5 0 0 1 7 0V19",
  "M2.5 19h27",
  "M12.5 19 10 28h12l-2.5-9",
  "M2.5 24c1.2-.9 2.3-.9 3.5 0s2.3.9 3.5 0M22.5 24c1.2-.9 2.3-.9 3.5 0s2.3.9 3.5 0",
] as const;

/**
 * The Drawbridge logo: a simple line drawing in currentColor, so it takes the colour
 * of the text around it. Decorative unless given a title.
 */
export function DrawbridgeMark({ className, title }: { className?: string; title?: string }) {
  return (
    <svg
      viewBox="0 0 32 32"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      className={className}
      role={title ? "img" : undefined}
      aria-hidden={title ? undefined : true}
      focusable="false"
    >
      {title ? <title>{title}</title> : null}
      {drawbridgeMarkPaths.map((d) => (
        <path key={d} d={d} />
      ))}
    </svg>
  );
}
