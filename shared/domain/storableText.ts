/**
 * Text a database can store faithfully: no NUL characters (PostgreSQL text refuses them) and no
 * lone UTF-16 surrogates (broken Unicode that cannot be encoded as UTF-8). Checked on every
 * command before any rule, so such input is a clear refusal instead of a storage failure.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

/** The path of the first string (or key) in `value` that cannot be stored, or null. Depth-limited. */
export function unstorableTextPath(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return isStorableText(value) ? null : path || '(value)';
  if (depth > 20 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (!isStorableText(key)) return childPath;
    const found = unstorableTextPath(child, childPath, depth + 1);
    if (found) return found;
  }
  return null;
}
