/** "23 of 50" and a bar that fills as you go. */
export function QuizProgress({ position, total }: { position: number; total: number }) {
  const percent = Math.round(((position - 1) / total) * 100);
  return (
    <div>
      <p className="text-sm font-medium text-muted">
        Question <span className="tabular-nums">{position}</span> of <span className="tabular-nums">{total}</span>
      </p>
      <div aria-hidden="true" className="mt-2 h-2 overflow-hidden rounded-full bg-soft">
        <div className="h-full rounded-full bg-accent transition-[width] duration-300 motion-reduce:transition-none" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
