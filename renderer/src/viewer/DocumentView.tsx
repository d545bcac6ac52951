/**
 * Opens one PoE file and shows it, or says plainly why it cannot: not on this device yet,
 * damaged, cut off, or protected by a password (asked for, with a clear "wrong password").
 * Leaving (tab switch, claim closed, Cancel) destroys pdf.js' loading task, which stops the
 * worker's parsing of that file at once.
 */
import { useId, useLayoutEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { t } from '../i18n';
import { PagesView, type PagesApi, type ViewState } from './PagesView';
import { isTruncatedPdf, sniffKind } from './sniff';
import { ImageSource, PdfSource, type DocumentSource } from './source';
import type { Highlight, InvalidReason, PageOverlayProps, PoeDocument, TextSelection } from './types';

type Phase =
  | { kind: 'loading' }
  | { kind: 'cancelled' }
  | { kind: 'unavailable' }
  | { kind: 'corrupt'; detail: string }
  | { kind: 'password'; incorrect: boolean; supply(password: string): void }
  | { kind: 'truncated'; source: DocumentSource }
  | { kind: 'ready'; source: DocumentSource };

type Props = {
  doc: PoeDocument;
  loadBytes(sha256: string): Promise<Uint8Array>;
  highlights: readonly Highlight[];
  renderPageOverlay?: ((props: PageOverlayProps) => ReactNode) | undefined;
  onTextSelected?: ((selection: TextSelection) => void) | undefined;
  onMarkInvalid?: ((sha256: string, reason: InvalidReason) => void) | undefined;
  initial?: ViewState | undefined;
  onViewState?(sha256: string, state: ViewState): void;
  apiRef: Ref<PagesApi>;
};

function describe(error: unknown): string {
  if (error instanceof Error) return error.name && error.name !== 'Error' ? `${error.name}: ${error.message}` : error.message;
  return String(error);
}

export function DocumentView({ doc, loadBytes, highlights, renderPageOverlay, onTextSelected, onMarkInvalid, initial, onViewState, apiRef }: Props) {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const cancelRef = useRef<() => void>(() => undefined);
  const { sha256, mediaType } = doc;

  // A layout effect: reading the file starts as soon as the view is committed, not a frame later.
  useLayoutEffect(() => {
    let live = true;
    let destroyTask: (() => void) | null = null;
    let source: DocumentSource | null = null;
    const settle = (next: Phase) => {
      if (live) setPhase(next);
    };
    const stop = () => {
      live = false;
      destroyTask?.();
      destroyTask = null;
      source?.destroy();
      source = null;
    };
    cancelRef.current = () => {
      stop();
      setPhase({ kind: 'cancelled' });
    };

    (async () => {
      // Fetch pdf.js (a separate chunk) while the bytes are read.
      const pdfjs = mediaType === 'application/pdf' ? import('./pdfjs') : null;
      pdfjs?.then((m) => live && m.warmUp(), () => undefined);
      let bytes: Uint8Array;
      try {
        bytes = await loadBytes(sha256);
      } catch {
        settle({ kind: 'unavailable' });
        return;
      }
      if (!live) return;
      const kind = sniffKind(bytes);
      if (kind === 'png' || kind === 'jpeg') {
        try {
          const image = await ImageSource.open(bytes, kind === 'png' ? 'image/png' : 'image/jpeg');
          if (!live) {
            image.destroy();
            return;
          }
          source = image;
          settle({ kind: 'ready', source: image });
        } catch (error) {
          settle({ kind: 'corrupt', detail: describe(error) });
        }
        return;
      }
      if (kind !== 'pdf') {
        settle({ kind: 'corrupt', detail: `not a PDF, PNG or JPEG (declared ${mediaType})` });
        return;
      }
      const truncated = isTruncatedPdf(bytes);
      try {
        const { openPdf } = await (pdfjs ?? import('./pdfjs'));
        if (!live) return;
        const task = openPdf(bytes, {
          onPassword: (supply, incorrect) => settle({ kind: 'password', incorrect, supply: (password) => {
            settle({ kind: 'loading' });
            supply(password);
          } }),
        });
        destroyTask = () => void task.destroy();
        const pdf = await task.promise;
        if (!live) return;
        if (pdf.numPages < 1) throw new Error('the file has no pages');
        const opened = await PdfSource.open(pdf);
        if (!live) {
          opened.destroy();
          return;
        }
        source = opened;
        destroyTask = null;
        settle(truncated ? { kind: 'truncated', source: opened } : { kind: 'ready', source: opened });
      } catch (error) {
        if (live) settle({ kind: 'corrupt', detail: describe(error) });
      }
    })();

    return stop;
  }, [sha256, mediaType, loadBytes, attempt]);

  const retry = () => {
    setPhase({ kind: 'loading' });
    setAttempt((a) => a + 1);
  };

  switch (phase.kind) {
    case 'loading':
      return (
        <div className="poe-message">
          <p role="status">{t('viewer.loading', { file: doc.fileName })}</p>
          <button type="button" className="button button--small" onClick={() => cancelRef.current()}>
            {t('viewer.cancel')}
          </button>
        </div>
      );
    case 'cancelled':
      return (
        <div className="poe-message">
          <p role="status">{t('viewer.cancelled', { file: doc.fileName })}</p>
          <button type="button" className="button button--small" onClick={retry}>
            {t('viewer.reopen')}
          </button>
        </div>
      );
    case 'unavailable':
      return (
        <div className="poe-message">
          <p role="alert">{t('viewer.unavailable', { file: doc.fileName })}</p>
          <button type="button" className="button button--small" onClick={retry}>
            {t('viewer.retry')}
          </button>
        </div>
      );
    case 'corrupt':
      return (
        <div className="poe-message">
          <div role="alert">
            <p>{t('viewer.corrupt', { file: doc.fileName })}</p>
            <p className="muted">{t('viewer.corruptDetail', { detail: phase.detail })}</p>
          </div>
          <MarkInvalid onClick={onMarkInvalid && (() => onMarkInvalid(sha256, 'corrupt'))} />
        </div>
      );
    case 'password':
      return <PasswordForm doc={doc} incorrect={phase.incorrect} onSubmit={phase.supply} onMarkInvalid={onMarkInvalid && (() => onMarkInvalid(sha256, 'password'))} />;
    case 'truncated':
      return (
        <div className="poe-message">
          <p role="alert">{t('viewer.truncated', { file: doc.fileName })}</p>
          <div className="poe-message__actions">
            <button type="button" className="button button--small" onClick={() => setPhase({ kind: 'ready', source: phase.source })}>
              {t('viewer.showAnyway')}
            </button>
            <MarkInvalid onClick={onMarkInvalid && (() => onMarkInvalid(sha256, 'corrupt'))} />
          </div>
        </div>
      );
    case 'ready':
      return (
        <PagesView
          doc={doc}
          source={phase.source}
          highlights={highlights}
          renderPageOverlay={renderPageOverlay}
          onTextSelected={onTextSelected}
          initial={initial}
          onViewState={onViewState && ((state) => onViewState(sha256, state))}
          apiRef={apiRef}
        />
      );
  }
}

function MarkInvalid({ onClick }: { onClick: (() => void) | undefined }) {
  if (!onClick) return null;
  return (
    <button type="button" className="button button--small button--danger" onClick={onClick}>
      {t('viewer.markInvalid')}
    </button>
  );
}

function PasswordForm({ doc, incorrect, onSubmit, onMarkInvalid }: { doc: PoeDocument; incorrect: boolean; onSubmit(password: string): void; onMarkInvalid: (() => void) | undefined }) {
  const [password, setPassword] = useState('');
  const [empty, setEmpty] = useState(false);
  const headingId = useId();
  const errorId = useId();
  const error = empty ? t('viewer.passwordRequired') : incorrect ? t('viewer.passwordWrong') : null;
  return (
    <form
      className="poe-message poe-password"
      aria-labelledby={headingId}
      onSubmit={(e) => {
        e.preventDefault();
        if (password === '') {
          setEmpty(true);
          return;
        }
        setEmpty(false);
        onSubmit(password);
      }}
    >
      <h3 id={headingId}>{t('viewer.passwordHeading')}</h3>
      <p>{t('viewer.passwordIntro', { file: doc.fileName })}</p>
      <label className="poe-password__field">
        {t('viewer.password')}
        <input
          type="password"
          autoComplete="off"
          autoFocus
          value={password}
          aria-invalid={error !== null}
          aria-describedby={error ? errorId : undefined}
          onChange={(e) => setPassword(e.target.value)}
        />
      </label>
      <p id={errorId} role="alert" className="error-text">
        {error}
      </p>
      <div className="poe-message__actions">
        <button type="submit" className="button button--primary button--small">
          {t('viewer.passwordOpen')}
        </button>
        <MarkInvalid onClick={onMarkInvalid} />
      </div>
    </form>
  );
}
