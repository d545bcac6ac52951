// @ts-check
/**
 * Lint config, including the layering rules of ARCHITECTURE.md ("Layering"), enforced here:
 *
 *   shared/    imports only shared/ and zod, date-fns, @date-fns/tz; no Node, no DOM, no clock,
 *              no randomness (time and ids are passed in)
 *   renderer/  imports shared/ and renderer/; never electron/, server/ or Node built-ins
 *   electron/  imports shared/ and electron/ (plus Node/Electron); never renderer/ or server/
 *   server/    imports shared/ and server/ (plus Node); never renderer/ or electron/
 *
 * Cross-folder imports are caught for relative paths and for the tsconfig aliases. A relative path
 * leaves its layer only after as many `../` as the file is deep, so the rules are generated per
 * folder depth: the check is exact with nothing but core rules (no resolver plugin to maintain).
 * test/lint/layering.test.ts proves every rule fires.
 *
 * Tests and test support (`*.test.*`, `*.spec.*`, `testing/` folders) keep the folder boundaries
 * but may use test libraries, Node built-ins and the clock.
 */
import { builtinModules } from 'node:module';

import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const CODE = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const TEST_FILES = [`**/*.test.${CODE}`, `**/*.spec.${CODE}`, `**/testing/**/*.${CODE}`];
/** Build tooling that happens to live inside a layer (e.g. renderer/vite.config.ts) runs in Node. */
const TOOLING_FILES = [`**/*.config.${CODE}`];
const MAX_DEPTH = 12;

/** The tsconfig aliases and the folders they point into. */
const ALIASES = { '@shared': 'shared', '@renderer': 'renderer' };

const escapeRegex = (/** @type {string} */ s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NODE_BUILTINS = `^(?:node:.*|(?:${builtinModules.map(escapeRegex).join('|')})(?:/.*)?)$`;

/**
 * @typedef {{
 *   allow: string[],
 *   modules: Array<{ regex: string, message: string }>,
 *   pure?: boolean,
 *   globals?: Array<{ name: string, message: string }>,
 * }} Layer
 */

/** @type {Record<string, Layer>} */
const LAYERS = {
  shared: {
    allow: ['shared'],
    pure: true,
    modules: [
      {
        // Anything that is not relative, not @shared and not one of the three pure libraries.
        regex: '^(?!\\.|@shared(?:/|$)|zod(?:/|$)|date-fns(?:/|$)|@date-fns/tz(?:/|$))',
        message: 'shared/ is the pure core: it may import only shared/ and zod, date-fns, @date-fns/tz.',
      },
    ],
    globals: [
      ...[
        'window', 'self', 'document', 'navigator', 'location', 'history', 'localStorage',
        'sessionStorage', 'indexedDB', 'caches', 'fetch', 'XMLHttpRequest', 'WebSocket',
        'EventSource', 'Notification', 'BroadcastChannel', 'Worker', 'alert', 'confirm',
      ].map((name) => ({ name, message: `shared/ must not touch the DOM or browser APIs (${name}).` })),
      ...['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global'].map(
        (name) => ({ name, message: `shared/ must not touch Node.js (${name}).` }),
      ),
      ...['setTimeout', 'setInterval', 'setImmediate', 'requestAnimationFrame'].map((name) => ({
        name,
        message: `shared/ is deterministic: no timers (${name}); the caller schedules.`,
      })),
      { name: 'performance', message: 'shared/ never reads the clock: take `now` as an argument.' },
      { name: 'crypto', message: 'shared/ never makes ids or randomness: take them as arguments.' },
      { name: 'globalThis', message: 'shared/ must not reach into the host environment (globalThis).' },
    ],
  },
  renderer: {
    allow: ['renderer', 'shared'],
    modules: [
      { regex: NODE_BUILTINS, message: 'renderer/ runs in a sandboxed page: no Node built-ins.' },
      {
        regex: '^electron(?:/|$)',
        message: 'renderer/ must not import Electron: use the bridge (renderer/src/bridge).',
      },
      {
        regex: '^(?:pg|fastify|@fastify/.*|@electric-sql/pglite)(?:/|$)',
        message: 'renderer/ must not import server-side packages.',
      },
    ],
    globals: ['process', 'Buffer', 'require', 'module', 'exports', '__dirname', '__filename', 'global'].map(
      (name) => ({ name, message: `renderer/ has no Node.js (${name}); use import.meta.env or the bridge.` }),
    ),
  },
  electron: { allow: ['electron', 'shared'], modules: [] },
  server: {
    allow: ['server', 'shared'],
    modules: [{ regex: '^electron(?:/|$)', message: 'server/ must not import Electron.' }],
  },
};

/**
 * Import patterns that leave `layer` from a file `depth` folders below the repo root, plus the
 * module bans of the layer. Returned as `{ regex, message }` for no-restricted-imports.
 * @param {string} layer
 * @param {number} depth
 * @param {boolean} isTest
 */
function importBans(layer, depth, isTest) {
  const spec = /** @type {Layer} */ (LAYERS[layer]);
  const allowed = spec.allow.map(escapeRegex).join('|');
  const up = `(?:\\.\\./){${depth}}`;
  const where = `${layer}/ may import only ${spec.allow.map((f) => `${f}/`).join(' and ')} (ARCHITECTURE.md, Layering).`;
  /** @type {Array<{ regex: string, message: string }>} */
  const bans = [
    // Exactly `depth` steps up reaches the repo root: the next segment must be an allowed folder.
    { regex: `^${up}(?!(?:${allowed})(?:/|$))`, message: where },
    // `../..` (depth-1 steps, then `..`) is the repo root itself.
    { regex: `^(?:\\.\\./){${depth - 1}}\\.\\.$`, message: where },
    ...Object.entries(ALIASES)
      .filter(([, folder]) => !spec.allow.includes(folder))
      .map(([alias]) => ({ regex: `^${escapeRegex(alias)}(?:/|$)`, message: where })),
  ];
  // Tests may use test libraries and Node; the folder boundaries above still hold for them.
  if (!isTest) bans.push(...spec.modules);
  else if (layer !== 'shared') bans.push(...spec.modules.filter((m) => m.regex !== NODE_BUILTINS));
  return bans;
}

/** esquery attribute regexes cannot contain `/`; `\x2F` matches the same character. */
const forSelector = (/** @type {string} */ regex) => regex.replaceAll('/', '\\x2F');

const CLOCK_AND_RANDOMNESS = [
  {
    selector: "NewExpression[callee.name='Date'][arguments.length=0]",
    message: 'shared/ never reads the clock: `new Date()` without an argument is forbidden; take `now` as an argument.',
  },
  {
    selector: "CallExpression[callee.name='Date']",
    message: 'shared/ never reads the clock: `Date()` returns the current time; take `now` as an argument.',
  },
  {
    selector: "MemberExpression[object.name='Date'][property.name='now']",
    message: 'shared/ never reads the clock: `Date.now()` is forbidden; take `now` as an argument.',
  },
  {
    selector: "MemberExpression[object.name='performance'][property.name='now']",
    message: 'shared/ never reads the clock: `performance.now()` is forbidden.',
  },
  {
    selector: "MemberExpression[object.name='Temporal'][property.name='Now']",
    message: 'shared/ never reads the clock: `Temporal.Now` is forbidden.',
  },
  {
    selector: "MemberExpression[object.name='Math'][property.name='random']",
    message: 'shared/ is deterministic: `Math.random()` is forbidden; take ids/randomness as arguments.',
  },
  {
    selector: "MemberExpression[object.name='crypto'][property.name=/^(randomUUID|getRandomValues)$/]",
    message: 'shared/ is deterministic: crypto randomness is forbidden; take ids as arguments.',
  },
];

/**
 * @param {string} layer
 * @param {number} depth
 * @param {boolean} isTest
 */
function syntaxBans(layer, depth, isTest) {
  const spec = /** @type {Layer} */ (LAYERS[layer]);
  if (spec.pure && !isTest) {
    return [
      ...CLOCK_AND_RANDOMNESS,
      { selector: 'ImportExpression', message: 'shared/ uses static imports only (no dynamic import()).' },
      { selector: "CallExpression[callee.name='require']", message: 'shared/ must not use require().' },
    ];
  }
  // Dynamic import() and require() with a literal source obey the same bans as static imports.
  return importBans(layer, depth, isTest).flatMap(({ regex, message }) => [
    { selector: `ImportExpression > Literal.source[value=/${forSelector(regex)}/]`, message },
    { selector: `CallExpression[callee.name='require'] > Literal[value=/${forSelector(regex)}/]`, message },
  ]);
}

/** One config block per (layer, depth, source|tests): a later block replaces a rule's options, never merges. */
function layeringConfigs() {
  /** @type {import('eslint').Linter.Config[]} */
  const configs = [];
  for (const [layer, spec] of Object.entries(LAYERS)) {
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      const atDepth = `${layer}/${'*/'.repeat(depth - 1)}*.${CODE}`;
      for (const isTest of [false, true]) {
        configs.push({
          name: `layering/${layer}/depth-${depth}${isTest ? '/tests' : ''}`,
          // Nested arrays are AND: a file at this depth that is also a test file.
          files: isTest ? TEST_FILES.map((pattern) => [atDepth, pattern]) : [atDepth],
          ...(isTest ? {} : { ignores: [...TEST_FILES, ...TOOLING_FILES] }),
          rules: {
            '@typescript-eslint/no-restricted-imports': [
              'error',
              {
                patterns: importBans(layer, depth, isTest).map(({ regex, message }) => ({
                  regex,
                  message,
                  caseSensitive: true,
                })),
              },
            ],
            'no-restricted-syntax': ['error', ...syntaxBans(layer, depth, isTest)],
            'no-restricted-globals': ['error', ...(isTest ? [] : (spec.globals ?? []))],
          },
        });
      }
    }
  }
  return configs;
}

export default defineConfig(
  globalIgnores(
    ['node_modules/', 'out/', 'dist/', 'dist-*/', 'test-results/', 'playwright-report/', 'coverage/', '.data/', '.tmp/'],
    'ignores/build-output',
  ),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'project/typescript',
    files: [`**/*.${CODE}`],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Japanese text (labels, demo PoE documents) legitimately contains the ideographic space U+3000.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true }],
      'no-console': 'off',
    },
  },
  {
    name: 'project/node-globals',
    files: [`{electron,server,scripts,test,bench,.ci}/**/*.${CODE}`, `*.${CODE}`, ...TOOLING_FILES],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'project/renderer',
    files: [`renderer/**/*.${CODE}`],
    ignores: TOOLING_FILES,
    languageOptions: { globals: { ...globals.browser } },
    ...reactHooks.configs.flat['recommended-latest'],
  },
  layeringConfigs(),
);
