/** A labelled progress bar; the percentage is also written out, so it reads without the bar. */
export function ProgressBar({ label, percent, isCompact = false }: { label: string; percent: number | null; isCompact?: boolean }) {
  const value = percent === null ? null : Math.max(0, Math.min(100, percent));
  return (
    <div className={isCompact ? 'progress progress-compact' : 'progress'}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value ?? undefined}
        aria-valuetext={value === null ? 'Not known' : `${Math.round(value)}%`}
      >
        <div className="progress-fill" style={{ width: `${value ?? 0}%` }} />
      </div>
      <span className="progress-value">{value === null ? '—' : `${Math.round(value)}%`}</span>
    </div>
  );
}
