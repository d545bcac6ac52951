import type { ReactNode } from 'react';

/** A small pill; `tone` picks the colour, the text always carries the meaning too. */
export function Badge({ tone = 'neutral', children, label }: { tone?: 'neutral' | 'info' | 'success' | 'warning' | 'danger'; children: ReactNode; label?: string }) {
  return (
    <span className={`badge badge--${tone}`} {...(label ? { 'aria-label': label } : {})}>
      {children}
    </span>
  );
}
