/**
 * The viewer on the claim page: bytes from this device's offline store (db.documents), fetched
 * from the server and stored when missing; "Mark PoE missing or invalid" fails the checklist's
 * "PoE present and related" item with a note saying why (through the shared core, so it works
 * offline and syncs). The review tools pass their overlay, highlights and handlers through.
 */
import { useCallback, useState } from 'react';
import type { Claim } from '@shared/index';
import { useWorkstation } from '../app/WorkstationContext';
import { apiUrlOf, type Workstation } from '../data/workstation';
import { t } from '../i18n';
import { keepOpenedDocument } from '../offline/documentCache';
import { PoeViewer } from './PoeViewer';
import type { InvalidReason, PoeViewerProps } from './types';

type Props = { claim: Claim } & Partial<Pick<PoeViewerProps, 'renderPageOverlay' | 'highlights' | 'onTextSelected' | 'onMarkInvalid' | 'controllerRef'>>;

async function sha256Hex(bytes: Uint8Array): Promise<string | null> {
  if (!globalThis.crypto?.subtle) return null;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** A fresh copy of the document's bytes (the viewer hands them to pdf.js' worker). */
export async function documentBytes(workstation: Pick<Workstation, 'db' | 'session'>, sha256: string): Promise<Uint8Array> {
  const { db, session } = workstation;
  const stored = await db.documents.get(sha256);
  if (stored) {
    void db.documents.update(sha256, { lastOpenedAt: new Date().toISOString() }).catch(() => undefined);
    return new Uint8Array(await stored.blob.arrayBuffer());
  }
  const response = await fetch(new URL(`/documents/${sha256}`, apiUrlOf(session)).toString(), { headers: { authorization: `Bearer ${session.token}` } });
  if (!response.ok) throw new Error(`GET /documents/${sha256}: ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  const actual = await sha256Hex(bytes);
  if (actual !== null && actual !== sha256) throw new Error(`document ${sha256} arrived damaged`);
  const now = new Date().toISOString();
  const mediaType = response.headers.get('content-type') ?? 'application/octet-stream';
  // Through the offline cache: it makes room when storage is full, and stops once nothing fits.
  await keepOpenedDocument(db, { sha256, blob: new Blob([bytes], { type: mediaType }), mediaType, size: bytes.byteLength, fetchedAt: now, lastOpenedAt: now }).catch(() => undefined);
  return bytes;
}

export function ClaimPoeViewer({ claim, onMarkInvalid, ...pass }: Props) {
  const workstation = useWorkstation();
  const [outcome, setOutcome] = useState<{ refused: boolean; text: string } | null>(null);
  const loadBytes = useCallback((sha256: string) => documentBytes(workstation, sha256), [workstation]);
  const claimId = claim.id;
  const documents = claim.documents;

  const markInvalid = useCallback(
    async (sha256: string, reason: InvalidReason) => {
      if (onMarkInvalid) {
        onMarkInvalid(sha256, reason);
        return;
      }
      const file = documents.find((d) => d.sha256 === sha256)?.fileName ?? sha256.slice(0, 12);
      const result = await workstation.act({
        type: 'setChecklistItem',
        claimId,
        item: 'poe_present',
        result: 'fail',
        note: t(`viewer.invalidNote.${reason}`, { file }),
        evidence: [{ sha256, page: 1 }],
      });
      setOutcome(
        result.ok
          ? { refused: false, text: t('actions.done', { action: t('checklist.item.poe_present') }) }
          : { refused: true, text: t('actions.refusedLocally', { message: result.error.message }) },
      );
    },
    [onMarkInvalid, documents, workstation, claimId],
  );

  if (documents.length === 0) return null;
  return (
    <>
      <PoeViewer documents={documents} loadBytes={loadBytes} onMarkInvalid={(sha, reason) => void markInvalid(sha, reason)} {...pass} />
      <p role="status" className={outcome?.refused ? 'error-text' : 'status-line'}>
        {outcome?.text}
      </p>
    </>
  );
}
