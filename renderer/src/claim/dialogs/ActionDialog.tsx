/** A dialog with a form for one action: shows the core's refusal inline and closes on success. */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { CommandInput } from '@shared/index';
import { t } from '../../i18n';
import { Dialog } from '../../ui/Dialog';

export type Act = (command: Exclude<CommandInput, { type: 'create' }>) => Promise<boolean>;

export function ActionDialog({
  title,
  submitLabel,
  onClose,
  buildCommand,
  act,
  children,
  danger = false,
  validate,
}: {
  title: string;
  submitLabel: string;
  onClose(): void;
  buildCommand(): Exclude<CommandInput, { type: 'create' }>;
  act: Act;
  children: ReactNode;
  danger?: boolean;
  /** A message when the form is not complete yet; the core's own check follows on submit. */
  validate?: () => string | null;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = validate?.() ?? null;
    if (problem) return setError(problem);
    setBusy(true);
    const ok = await act(buildCommand());
    setBusy(false);
    if (ok) onClose();
    else setError(null);
  };
  return (
    <Dialog title={title} open onClose={onClose}>
      <form onSubmit={(e) => void submit(e)} className="form">
        {children}
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            {t('actions.dialogCancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'button--danger' : 'button--primary'}`} disabled={busy}>
            {submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
