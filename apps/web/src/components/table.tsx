import type { ReactNode } from 'react';

/** A data table with a caption for screen readers; scrolls sideways on narrow screens. */
export function Table({ caption, children, isCaptionVisible = false }: { caption: string; children: ReactNode; isCaptionVisible?: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className={isCaptionVisible ? 'table-caption' : 'visually-hidden'}>{caption}</caption>
        {children}
      </table>
    </div>
  );
}
