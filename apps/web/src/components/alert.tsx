import type { ReactNode } from 'react';

/** A message block; errors are announced assertively, notices politely. */
export function Alert({ tone = 'error', title, children }: { tone?: 'error' | 'warning' | 'info' | 'success'; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <p className="alert-title">{title}</p> : null}
      {children ? <div className="alert-body">{children}</div> : null}
    </div>
  );
}
