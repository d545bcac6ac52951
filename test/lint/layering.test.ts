/**
 * Proves the layering rules of ARCHITECTURE.md are enforced by `npm run lint`: each snippet is
 * linted as if it lived at the given path, and the expected rule must fire (or nothing at all for
 * the clean ones). If someone weakens eslint.config.js, this suite fails.
 */
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const IMPORTS = '@typescript-eslint/no-restricted-imports';
const SYNTAX = 'no-restricted-syntax';
const GLOBALS = 'no-restricted-globals';

let eslint: ESLint;

beforeAll(async () => {
  eslint = new ESLint({ cwd: repoRoot });
  // Loading the config and the TypeScript parser takes a second or more; keep it out of the cases.
  await eslint.lintText('export {};', { filePath: 'shared/__warmup__.ts' });
}, 60_000);

async function lint(filePath: string, code: string) {
  expect(await eslint.isPathIgnored(filePath), `${filePath} must not be lint-ignored`).toBe(false);
  const [result] = await eslint.lintText(code, { filePath, warnIgnored: true });
  if (!result) throw new Error('no lint result');
  return result.messages.map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

type Case = [description: string, code: string, rule: string];

function expectViolations(filePath: string, cases: Case[]) {
  it.each(cases)(`${filePath}: %s`, async (_description, code, rule) => {
    const messages = await lint(filePath, code);
    expect(messages.map((m) => m.ruleId)).toContain(rule);
  });
}

function expectClean(filePath: string, code: string) {
  it(`${filePath}: clean code passes`, async () => {
    expect(await lint(filePath, code)).toEqual([]);
  });
}

describe('shared/ is pure and imports only shared/ + zod, date-fns, @date-fns/tz', () => {
  const file = 'shared/domain/__probe__.ts';
  expectViolations(file, [
    ['node: built-in', "import { readFile } from 'node:fs/promises';\nexport { readFile };", IMPORTS],
    ['bare built-in', "import path from 'path';\nexport { path };", IMPORTS],
    ['non-allowed npm package', "import { create } from 'zustand';\nexport { create };", IMPORTS],
    ['react', "import { useState } from 'react';\nexport { useState };", IMPORTS],
    ['electron', "import { app } from 'electron';\nexport { app };", IMPORTS],
    ['renderer/ by relative path', "import { App } from '../../renderer/src/App';\nexport { App };", IMPORTS],
    ['renderer/ by alias', "import { App } from '@renderer/App';\nexport { App };", IMPORTS],
    ['server/ by relative path', "import * as db from '../../server/src/db/database';\nexport { db };", IMPORTS],
    ['electron/ by relative path', "import * as s from '../../electron/main/security';\nexport { s };", IMPORTS],
    ['test/ by relative path', "import * as t from '../../test/fixtures/x';\nexport { t };", IMPORTS],
    ['the repo root', "import * as root from '../..';\nexport { root };", IMPORTS],
    ['re-export from renderer/', "export { App } from '../../renderer/src/App';", IMPORTS],
    ['type-only import from server/', "import type { X } from '../../server/src/x';\nexport type { X };", IMPORTS],
    ['dynamic import', "export const m = import('./catalog');", SYNTAX],
    ['require()', "export const m = require('./catalog');", SYNTAX],
    ['Date.now()', 'export const now = Date.now();', SYNTAX],
    ['new Date() without argument', 'export const now = new Date();', SYNTAX],
    ['Date() called as a function', 'export const now = Date();', SYNTAX],
    ['Math.random()', 'export const id = Math.random();', SYNTAX],
    ['performance.now()', 'export const t = performance.now();', SYNTAX],
    ['crypto.randomUUID()', 'export const id = crypto.randomUUID();', SYNTAX],
    ['crypto.getRandomValues()', 'export const b = crypto.getRandomValues(new Uint8Array(4));', SYNTAX],
    ['window', 'export const w = window.innerWidth;', GLOBALS],
    ['document', "export const el = document.getElementById('x');", GLOBALS],
    ['localStorage', "export const v = localStorage.getItem('k');", GLOBALS],
    ['fetch', "export const r = fetch('/x');", GLOBALS],
    ['process', 'export const env = process.env;', GLOBALS],
    ['Buffer', "export const b = Buffer.from('x');", GLOBALS],
    ['setTimeout', 'export const t = setTimeout(() => undefined, 1);', GLOBALS],
    ['globalThis', 'export const g = globalThis;', GLOBALS],
  ]);
  expectClean(
    file,
    [
      "import { z } from 'zod';",
      "import { addDays } from 'date-fns';",
      "import { TZDate } from '@date-fns/tz';",
      "import type { Calendar } from '../calendar/calendar';",
      "import { PRODUCT_NAME } from '@shared/bridge';",
      'export const schema = z.object({ at: z.string() });',
      "export const later = (cal: Calendar, now: Date) => addDays(new TZDate(now, cal.timeZone), 1);",
      "export const parsed = new Date('2026-01-01T00:00:00Z');",
      'export const utc = Date.UTC(2026, 0, 1);',
      'export const name = PRODUCT_NAME;',
    ].join('\n'),
  );

  describe('at the top of shared/ (one level deep)', () => {
    const top = 'shared/__probe__.ts';
    expectViolations(top, [
      ['renderer/', "import { App } from '../renderer/src/App';\nexport { App };", IMPORTS],
      ['the repo root', "import * as root from '..';\nexport { root };", IMPORTS],
    ]);
    expectClean(top, "import { DEFAULT_POLICY } from './domain/catalog';\nexport { DEFAULT_POLICY };");
  });

  describe('tests next to shared code', () => {
    const test = 'shared/domain/__probe__.test.ts';
    expectViolations(test, [
      ['renderer/', "import { App } from '../../renderer/src/App';\nexport { App };", IMPORTS],
      ['server/', "import * as db from '../../server/src/db/database';\nexport { db };", IMPORTS],
    ]);
    expectClean(
      test,
      [
        "import fc from 'fast-check';",
        "import { readFileSync } from 'node:fs';",
        "import { expect, it } from 'vitest';",
        "it('x', () => { expect(fc).toBeDefined(); expect(readFileSync).toBeDefined(); expect(Date.now()).toBeGreaterThan(0); });",
      ].join('\n'),
    );
  });
});

describe('renderer/ imports only renderer/ and shared/, never Node', () => {
  const file = 'renderer/src/screens/__probe__.tsx';
  expectViolations(file, [
    ['electron', "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };", IMPORTS],
    ['electron/ by relative path', "import * as s from '../../../electron/main/security';\nexport { s };", IMPORTS],
    ['electron/ preload', "import * as p from '../../../electron/preload/index';\nexport { p };", IMPORTS],
    ['server/ by relative path', "import * as db from '../../../server/src/db/database';\nexport { db };", IMPORTS],
    ['node: built-in', "import { readFile } from 'node:fs/promises';\nexport { readFile };", IMPORTS],
    ['bare built-in', "import fs from 'fs';\nexport { fs };", IMPORTS],
    ['bare built-in subpath', "import { readFile } from 'fs/promises';\nexport { readFile };", IMPORTS],
    ['server-side package', "import pg from 'pg';\nexport { pg };", IMPORTS],
    ['dynamic import of a built-in', "export const m = import('node:path');", SYNTAX],
    ['dynamic import of server/', "export const m = import('../../../server/src/main');", SYNTAX],
    ['process', 'export const env = process.env;', GLOBALS],
    ['require', "export const m = require('x');", GLOBALS],
  ]);
  expectClean(
    file,
    [
      "import { useState } from 'react';",
      "import { PRODUCT_NAME } from '@shared/bridge';",
      "import { appInfoSchema } from '../../../shared/bridge-schema';",
      "import { bridge } from '../bridge';",
      "import { App } from '@renderer/App';",
      'export function Probe() {',
      '  const [n] = useState(0);',
      '  return <p>{PRODUCT_NAME}{n}{String(appInfoSchema)}{String(bridge)}{String(App)}</p>;',
      '}',
      "export const lazy = () => import('../App');",
    ].join('\n'),
  );

  it('lets build tooling inside renderer/ use Node', async () => {
    expect(
      await lint('renderer/vite.config.ts', "import { readFileSync } from 'node:fs';\nexport default readFileSync;"),
    ).toEqual([]);
  });
});

describe('electron/ imports only electron/ and shared/ (plus Node and Electron)', () => {
  const file = 'electron/main/__probe__.ts';
  expectViolations(file, [
    ['renderer/ by relative path', "import { App } from '../../renderer/src/App';\nexport { App };", IMPORTS],
    ['renderer/ by alias', "import { App } from '@renderer/App';\nexport { App };", IMPORTS],
    ['server/ by relative path', "import * as db from '../../server/src/db/database';\nexport { db };", IMPORTS],
    ['dynamic import of server/', "export const m = import('../../server/src/main');", SYNTAX],
  ]);
  expectClean(
    file,
    [
      "import { readFile } from 'node:fs/promises';",
      "import { app } from 'electron';",
      "import { bridgeChannels } from '@shared/bridge';",
      "import { appInfoSchema } from '../../shared/bridge-schema';",
      "import { isAppUrl } from './security';",
      'export const all = [readFile, app, bridgeChannels, appInfoSchema, isAppUrl];',
    ].join('\n'),
  );
});

describe('server/ imports only server/ and shared/ (plus Node)', () => {
  const file = 'server/src/api/__probe__.ts';
  expectViolations(file, [
    ['renderer/ by relative path', "import { App } from '../../../renderer/src/App';\nexport { App };", IMPORTS],
    ['renderer/ by alias', "import { App } from '@renderer/App';\nexport { App };", IMPORTS],
    ['electron/ by relative path', "import * as s from '../../../electron/main/security';\nexport { s };", IMPORTS],
    ['electron', "import { app } from 'electron';\nexport { app };", IMPORTS],
  ]);
  expectClean(
    file,
    [
      "import { createServer } from 'node:http';",
      "import pg from 'pg';",
      "import { PRODUCT_NAME } from '@shared/bridge';",
      "import * as shared from '../../../shared/bridge';",
      "import * as db from '../db/database';",
      'export const all = [createServer, pg, PRODUCT_NAME, shared, db, Date.now()];',
    ].join('\n'),
  );
});

describe('test/ and bench/ are free', () => {
  expectClean(
    'test/contract/__probe__.test.ts',
    [
      "import { App } from '../../renderer/src/App';",
      "import * as db from '../../server/src/db/database';",
      "import * as s from '../../electron/main/security';",
      'export const all = [App, db, s, Date.now(), Math.random()];',
    ].join('\n'),
  );
  expectClean('bench/__probe__.ts', "import { performance } from 'node:perf_hooks';\nexport const t = performance.now();");
});
