import type { ReactNode } from 'react';

export type Tone = 'good' | 'bad' | 'warn' | 'neutral' | 'info';

const symbols: Record<Tone, string> = { good: '●', bad: '■', warn: '▲', neutral: '○', info: '◆' };

/** Status shown by colour AND text (and a shape), so it reads without colour vision. */
export function Badge({ tone, children, title }: { tone: Tone; children: ReactNode; title?: string }) {
  return (
    <span className={`badge badge-${tone}`} title={title}>
      <span className="badge-symbol" aria-hidden="true">
        {symbols[tone]}
      </span>
      {children}
    </span>
  );
}
