/**
 * API fuzzing from the OpenAPI document: for every documented operation, requests with random and
 * boundary values for each path parameter, query parameter and body field (and bodies that are not
 * what the schema says at all), sent as a user of every role the route allows. The server must
 * answer every one of them without a 5xx. Runs on PGlite, and on PostgreSQL when configured.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCommand, TEST_CALENDAR } from '../../shared/testing/fixtures';
import { executeCommand } from '../../server/src/claims/execute';
import { testDrivers } from '../../server/src/db/testing';
import { createTestApp, TEST_USERS, type TestApp } from '../../server/src/http/testing';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  required?: string[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  default?: unknown;
};
type Operation = {
  'x-roles'?: string[];
  parameters?: { name: string; in: 'path' | 'query'; schema: JsonSchema }[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
};

/** Strings that have broken servers before: empty, huge, control characters, markup, broken Unicode. */
const nastyString = fc.oneof(
  fc.constantFrom('', ' ', '0', '-1', 'null', 'undefined', 'NaN', '../../etc/passwd', '%00', '<script>alert(1)</script>', '\u202Egnp.exe', 'a\u0000b', '\uD800', '𠮷野家', "' or 1=1 --", '{"$gt":""}'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constant('x'.repeat(5000)),
);

const nastyNumber = fc.oneof(
  fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, -(2 ** 53), 1e308, -0, 0.5),
  fc.integer(),
  fc.double({ noNaN: false }),
);

/** Any JSON value: what a confused or hostile client might send instead of the schema's value. */
const anyJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    nastyString,
    nastyNumber,
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 8 }), tie('value'), { maxKeys: 3 }),
  ),
})).value;

/** Mostly schema-shaped values with boundary and hostile leaves; sometimes anything at all. */
function valueFor(schema: JsonSchema | undefined, depth = 0): fc.Arbitrary<unknown> {
  if (!schema || depth > 4) return anyJson;
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((s) => valueFor(s, depth + 1)));
  if (schema.enum?.length) return fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...schema.enum) }, { weight: 1, arbitrary: anyJson });
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  const shaped: fc.Arbitrary<unknown> =
    type === 'string'
      ? nastyString
      : type === 'integer' || type === 'number'
        ? nastyNumber
        : type === 'boolean'
          ? fc.boolean()
          : type === 'array'
            ? fc.array(valueFor(schema.items, depth + 1), { maxLength: 4 })
            : type === 'object' || schema.properties
              ? fc
                  .record(Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, valueFor(s, depth + 1)])), { requiredKeys: [] })
                  .chain((o) => fc.oneof(fc.constant(o), fc.constant({ ...o, unexpected: '<b>extra</b>' })))
              : anyJson;
  return fc.oneof({ weight: 6, arbitrary: shaped }, { weight: 1, arbitrary: anyJson });
}

function pathFor(template: string, params: Record<string, unknown>): string {
  // Lone surrogates cannot be percent-encoded as UTF-8: send invalid UTF-8 bytes in their place.
  const encode = (v: string) => v.split(/([\uD800-\uDFFF])/).map((part, i) => (i % 2 ? '%ED%A0%80' : encodeURIComponent(part))).join('');
  return template.replace(/\{(\w+)\}/g, (_m, name: string) => encode(String(params[name] ?? 'x')));
}

describe.each(testDrivers())('API fuzzing on $title', ({ name, skip }) => {
  describe.skipIf(skip)('no input gets a 5xx', () => {
    let t: TestApp;
    const tokens = new Map<string, string>();

    beforeAll(async () => {
      t = await createTestApp(name, { settings: { ...DEFAULT_SETTINGS, calendar: TEST_CALENDAR } });
      for (const u of TEST_USERS) tokens.set(u.role, await t.login(u.username));
      // A real claim, so fuzzed ids sometimes hit one.
      await t.db.db.transaction((tx) => executeCommand(tx, createCommand('claim-1'), { id: 'partner-1', role: 'partner', partnerId: '1234567' }, t.clock.now, DEFAULT_SETTINGS), {
        isolation: 'read committed',
      });
    }, 60_000);
    afterAll(async () => t?.close());

    it('answers every documented operation with random and boundary inputs without a server error', async () => {
      const doc = (await t.app.inject({ url: '/openapi.json' })).json() as { paths: Record<string, Record<string, Operation>> };
      const operations = Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
      expect(operations.length).toBeGreaterThan(20);
      const failures: string[] = [];
      let requests = 0;
      const byStatus = new Map<number, number>();
      for (const { path, method, op } of operations) {
        // Logging out would spend the tokens the rest of the run needs; the poke stream stays open
        // by design and takes no input but the token (covered by the scale-out tests).
        if (path === '/auth/logout' || path === '/sync/poke') continue;
        const roles = op['x-roles'] ?? ['public'];
        const parameters = op.parameters ?? [];
        const bodySchema = op.requestBody?.content['application/json']?.schema;
        const rawBody = op.requestBody && !bodySchema;
        const request = fc.record({
          role: fc.constantFrom(...roles),
          path: fc.record(Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, valueFor(p.schema)]))),
          query: fc.record(Object.fromEntries(parameters.filter((p) => p.in === 'query').map((p) => [p.name, valueFor(p.schema)])), { requiredKeys: [] }),
          body: bodySchema ? valueFor(bodySchema) : rawBody ? fc.uint8Array({ maxLength: 2000 }) : fc.constant(undefined),
        });
        await fc.assert(
          fc.asyncProperty(request, async (r) => {
            requests++;
            const query = new URLSearchParams(Object.entries(r.query).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
            const url = pathFor(path, r.path) + (query ? `?${query}` : '');
            const token = tokens.get(r.role);
            const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
            let payload: string | Buffer | undefined;
            if (r.body instanceof Uint8Array) {
              headers['content-type'] = 'application/pdf';
              payload = Buffer.from(r.body);
            } else if (r.body !== undefined) {
              headers['content-type'] = 'application/json';
              payload = JSON.stringify(r.body);
            }
            const res = await t.app.inject({ method: method as 'GET', url, headers, ...(payload !== undefined ? { payload } : {}) });
            byStatus.set(res.statusCode, (byStatus.get(res.statusCode) ?? 0) + 1);
            if (res.statusCode >= 500) failures.push(`${method} ${url} as ${r.role} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            return true;
          }),
          { numRuns: 25, seed: 20261129 },
        );
      }
      const statuses = [...byStatus].sort((a, b) => a[0] - b[0]).map(([code, n]) => `${code}×${n}`).join(', ');
      console.log(`api fuzz (${name}): ${requests} requests over ${operations.length} operations; statuses ${statuses}; server errors ${failures.length}`);
      expect(requests).toBeGreaterThan(500);
      expect(failures).toEqual([]);
    }, 300_000);
  });
});
