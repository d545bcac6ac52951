/**
 * A button enabled by a dry run of the core. When refused it stays focusable (aria-disabled, not
 * `disabled`) so keyboard and screen-reader users can reach the reason, which is its description
 * and a tooltip on hover and focus.
 */
import { useId, type ReactNode } from 'react';
import type { DecisionError } from '@shared/index';

export function ActionButton({ refusal, onClick, children, tone = 'default' }: { refusal: DecisionError | null; onClick(): void; children: ReactNode; tone?: 'default' | 'primary' | 'danger' }) {
  const reasonId = useId();
  const disabled = refusal !== null;
  return (
    <span className="action">
      <button
        type="button"
        className={`button button--${tone}`}
        aria-disabled={disabled || undefined}
        aria-describedby={disabled ? reasonId : undefined}
        onClick={() => {
          if (!disabled) onClick();
        }}
      >
        {children}
      </button>
      {disabled && (
        <span role="tooltip" id={reasonId} className="action__reason">
          {refusal.message}
        </span>
      )}
    </span>
  );
}
