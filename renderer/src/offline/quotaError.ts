/**
 * "The device is out of room for this origin", however it reaches us. IndexedDB reports it as a
 * DOMException named QuotaExceededError on the request or, in Chromium, on the transaction's abort;
 * Dexie passes it on as Dexie.QuotaExceededError, or wraps it as an AbortError / BulkError whose
 * `inner` / `failures` hold the original. Legacy WebKit used the numeric code 22.
 */

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
const LEGACY_QUOTA_CODE = 22;

function fieldOf(value: object, key: string): unknown {
  return (value as Record<string, unknown>)[key];
}

export function isQuotaError(error: unknown, depth = 0): boolean {
  // Wrapped errors are shallow in practice; the bound only guards against cycles.
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const name = fieldOf(error, 'name');
  if (typeof name === 'string' && QUOTA_NAMES.has(name)) return true;
  if (error instanceof DOMException && error.code === LEGACY_QUOTA_CODE) return true;
  if (isQuotaError(fieldOf(error, 'inner'), depth + 1) || isQuotaError(fieldOf(error, 'cause'), depth + 1)) return true;
  const failures = fieldOf(error, 'failures');
  if (Array.isArray(failures)) return failures.some((f) => isQuotaError(f, depth + 1));
  return false;
}
