// ESLint flat config for LogScope. Non type-checked on purpose: lint stays at a couple of seconds.
//
// Besides the usual recommended sets, this file enforces the layer table in doc/design.md
// ("Layers"): each folder under src/ may import values only from
// the layers and packages listed below, and src/engine may not touch ambient nondeterminism
// (wall clock, timers, randomness, locale formatting) or the DOM.
//
// How the import rules work: every file gets exactly ONE `@typescript-eslint/no-restricted-imports`
// setting (in flat config a later block replaces a rule's options, it does not merge them), so
// the blocks are generated per layer, per folder depth and for test files. A relative import
// leaves a layer when it climbs one `../` more than the file's depth below `src/<layer>/`; the
// generated regexes check that the folder it then lands in is an allowed layer.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const TS = '{ts,tsx}';
const LINTED = ['src/**', 'e2e/**', 'bench/**', 'scripts/**', '*.config.{js,ts}'];
/** Deepest folder nesting below src/<layer>/ that gets layer rules generated. */
const MAX_DEPTH = 8;

/**
 * Values each layer may import. `layers`: sibling folders under src/ (relative imports);
 * `typeLayers`: sibling folders whose exports may be imported with `import type` only;
 * `packages`: regex alternatives for bare specifiers (sub-paths are always allowed).
 */
const LAYERS = {
  engine: { layers: [], typeLayers: [], packages: [] },
  scenarios: { layers: ['engine'], typeLayers: [], packages: ['zod'] },
  share: {
    layers: ['scenarios', 'engine'],
    typeLayers: [],
    packages: ['lz-string', 'qrcode'],
  },
  lessons: { layers: ['engine', 'scenarios'], typeLayers: [], packages: [] },
  app: {
    layers: ['engine', 'scenarios', 'share', 'lessons'],
    typeLayers: [],
    packages: ['zustand'],
  },
  view: {
    layers: ['app'],
    typeLayers: ['engine', 'scenarios', 'lessons'],
    // zustand: its React binding (useStore), through src/view/useAppStore.ts.
    packages: ['react', 'react-dom', 'd3', 'd3-[a-z0-9-]+', 'zustand'],
  },
  cli: {
    layers: ['engine', 'scenarios', 'share', 'lessons'],
    typeLayers: [],
    packages: ['node-builtins'],
  },
};

const TEST_PACKAGES = ['vitest', 'fast-check', '@testing-library/[^/]+'];

const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const NODE_BUILTINS = [
  'node:.+',
  ...builtinModules.filter((name) => !name.startsWith('_')).map(escapeRegex),
];
const expandPackages = (packages) =>
  packages.flatMap((name) => (name === 'node-builtins' ? NODE_BUILTINS : [name]));
const alternatives = (names) => `(?:${names.join('|')})`;
const LABELS = {
  'd3-[a-z0-9-]+': 'd3-*',
  '@testing-library/[^/]+': '@testing-library/*',
  'node-builtins': 'Node built-ins',
};
const label = (name) => LABELS[name] ?? name;

/** Bare (non-relative) specifiers other than the allowed packages: packages, aliases, absolute paths. */
function barePattern(packages, owner) {
  const allowed = expandPackages(packages);
  const regex = allowed.length === 0 ? '^(?!\\.)' : `^(?!\\.)(?!${alternatives(allowed)}(?:/|$))`;
  const message =
    packages.length === 0
      ? `${owner} may import no packages and no path aliases, only relative files.`
      : `${owner} may import only these packages: ${packages.map(label).join(', ')} (no path aliases).`;
  return {
    regex,
    caseSensitive: true,
    message,
  };
}

/**
 * Relative specifiers that climb out of the file's own folder tree (`levels` = number of `../`
 * that reach the parent of that tree) and land anywhere except `allowedFolders`.
 */
function leavingPattern(levels, allowedFolders, message) {
  const climb = `^(?:\\./)?(?:\\.\\./){${levels - 1}}\\.\\.`;
  const regex =
    allowedFolders.length === 0
      ? `${climb}(?:/|$)`
      : `${climb}(?:$|/(?!${alternatives(allowedFolders)}(?:/|$)))`;
  return { regex, caseSensitive: true, message };
}

/** Relative specifiers that climb out and land in one of `folders`, allowed as types only. */
function typeOnlyPattern(levels, folders, message) {
  return {
    regex: `^(?:\\./)?(?:\\.\\./){${levels}}${alternatives(folders)}(?:/|$)`,
    caseSensitive: true,
    allowTypeImports: true,
    message,
  };
}

function layerImportRule(layer, depth, isTest) {
  const { layers, typeLayers, packages } = LAYERS[layer];
  const owner = `src/${layer}`;
  const leaveMessage =
    layers.length === 0
      ? `${owner} may import only files inside ${owner} (see doc/design.md, Layers).`
      : `${owner} may import values only from ${layers.map((name) => `src/${name}`).join(', ')} ` +
        '(see doc/design.md, Layers).';
  const patterns = [
    barePattern(isTest ? [...packages, ...TEST_PACKAGES] : packages, owner),
    leavingPattern(depth + 1, [...layers, ...typeLayers], leaveMessage),
  ];
  if (typeLayers.length > 0) {
    patterns.push(
      typeOnlyPattern(
        depth + 1,
        typeLayers,
        `${owner} may import only types from ${typeLayers.map((name) => `src/${name}`).join(', ')}: use \`import type\`.`,
      ),
    );
  }
  return ['error', { patterns }];
}

const depthGlob = (root, depth, leaf) => `${root}/${'*/'.repeat(depth)}${leaf}`;

function layerBlocks() {
  const blocks = [];
  for (const layer of Object.keys(LAYERS)) {
    for (let depth = 0; depth <= MAX_DEPTH; depth += 1) {
      blocks.push({
        name: `logscope/layer/${layer}/depth-${depth}`,
        files: [depthGlob(`src/${layer}`, depth, `*.${TS}`)],
        rules: {
          '@typescript-eslint/no-restricted-imports': layerImportRule(layer, depth, false),
        },
      });
      blocks.push({
        name: `logscope/layer/${layer}/depth-${depth}/tests`,
        files: [depthGlob(`src/${layer}`, depth, `*.test.${TS}`)],
        rules: {
          '@typescript-eslint/no-restricted-imports': layerImportRule(layer, depth, true),
        },
      });
    }
  }
  return blocks;
}

/** e2e: Playwright, Node built-ins, scenario presets as values, engine/scenario types. */
function e2eBlocks() {
  const blocks = [];
  for (let depth = 0; depth <= MAX_DEPTH; depth += 1) {
    const up = `(?:\\./)?(?:\\.\\./){${depth + 1}}`;
    blocks.push({
      name: `logscope/layer/e2e/depth-${depth}`,
      files: [depthGlob('e2e', depth, `*.${TS}`)],
      rules: {
        '@typescript-eslint/no-restricted-imports': [
          'error',
          {
            patterns: [
              barePattern(['@playwright/test', '@axe-core/playwright', 'node-builtins'], 'e2e'),
              {
                regex: `^${up}src/engine(?:/|$)`,
                caseSensitive: true,
                allowTypeImports: true,
                message: 'e2e may import only types from src/engine: use `import type`.',
              },
              {
                regex: `^${up}(?!src/(?:engine|scenarios|lessons)(?:/|$))`,
                caseSensitive: true,
                message:
                  'e2e may import values only from src/scenarios (presets) and src/lessons, and types from src/engine.',
              },
            ],
          },
        ],
      },
    });
  }
  return blocks;
}

/**
 * One read path: views read the run through their lab's store (its snapshot and queries), never
 * the live simulation or run, which may have moved on since the snapshot they show.
 */
const LIVE_RUN_ACCESS = ['currentSimulation', 'currentRun'];
const viewReadPath = {
  name: 'logscope/view/read-path',
  files: [`src/view/**/*.${TS}`],
  rules: {
    'no-restricted-syntax': [
      'error',
      ...LIVE_RUN_ACCESS.flatMap((name) => [
        {
          selector: `MemberExpression[property.name='${name}']`,
          message: `Views read the run through the store (state.sim.snapshot, state.sim.queries), not ${name}().`,
        },
        {
          selector: `ObjectPattern > Property[key.name='${name}']`,
          message: `Views read the run through the store (state.sim.snapshot, state.sim.queries), not ${name}().`,
        },
      ]),
    ],
  },
};

const engineNondeterminism = {
  name: 'logscope/engine/determinism',
  files: [`src/engine/**/*.${TS}`],
  rules: {
    'no-restricted-globals': [
      'error',
      ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage'].map(
        (name) => ({
          name,
          message: 'The engine cannot see the DOM or the browser.',
        }),
      ),
      ...['fetch', 'XMLHttpRequest', 'WebSocket'].map((name) => ({
        name,
        message: 'The engine does no I/O.',
      })),
      ...[
        'setTimeout',
        'setInterval',
        'setImmediate',
        'clearTimeout',
        'clearInterval',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
      ].map((name) => ({
        name,
        message: 'No timers in the engine: schedule on the virtual clock (event queue).',
      })),
      {
        name: 'Intl',
        message: 'No locale formatting in the engine; format in the view.',
      },
      {
        name: 'process',
        message: 'The engine reads no environment; pass inputs explicitly.',
      },
    ],
    'no-restricted-properties': [
      'error',
      {
        object: 'Math',
        property: 'random',
        message: 'Use the seeded stream from ./random.',
      },
      {
        object: 'Date',
        property: 'now',
        message: 'No wall clock in the engine: use virtual time.',
      },
      {
        object: 'performance',
        property: 'now',
        message: 'No wall clock in the engine: use virtual time.',
      },
      {
        object: 'crypto',
        property: 'randomUUID',
        message: 'Ids come from counters, not randomness.',
      },
      {
        object: 'crypto',
        property: 'getRandomValues',
        message: 'Use the seeded stream from ./random.',
      },
    ],
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date']",
        message: 'No wall clock in the engine: use virtual time (SimTimeMs).',
      },
      {
        selector: "CallExpression[callee.name='Date']",
        message: 'No wall clock in the engine: use virtual time (SimTimeMs).',
      },
      {
        selector: 'MemberExpression[property.name=/^toLocale/]',
        message: 'No locale formatting in the engine; format in the view.',
      },
      {
        selector: 'ImportExpression',
        message: 'No dynamic import in the engine.',
      },
    ],
  },
};

/**
 * Comments cite only files in this repository: design notes kept outside it (a workspace's
 * shared folder) are not there for whoever clones it. doc/design.md and doc/kafka.md hold them.
 */
const OUTSIDE_CITATION = /\b(?:DESIGN|STYLE|TEACHING|TOOLCHAIN)\.md\b|kafka-semantics\.md|\.\.\/shared\//;
const citationsPlugin = {
  rules: {
    'no-outside-citations': {
      meta: { type: 'problem', messages: { outside: 'This comment cites {{file}}, which is not in the repository: cite doc/design.md or doc/kafka.md.' } },
      create(context) {
        return {
          Program() {
            for (const comment of context.sourceCode.getAllComments()) {
              const match = OUTSIDE_CITATION.exec(comment.value);
              if (match) context.report({ loc: comment.loc, messageId: 'outside', data: { file: match[0] } });
            }
          },
        };
      },
    },
  },
};

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'reports/']),
  {
    name: 'logscope/recommended',
    files: LINTED,
    extends: [js.configs.recommended, tseslint.configs.recommended],
    plugins: { logscope: citationsPlugin },
    rules: {
      'logscope/no-outside-citations': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
        },
      ],
    },
  },
  {
    name: 'logscope/globals/browser',
    files: ['src/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    name: 'logscope/globals/node',
    files: ['src/cli/**', 'e2e/**', 'bench/**', 'scripts/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    name: 'logscope/react-hooks',
    files: [`src/view/**/*.${TS}`],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // Default for every linted file; the per-layer blocks below replace it with stricter lists.
    name: 'logscope/d3-dom-only-in-view',
    files: LINTED,
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['d3-selection', 'd3-transition'].map((name) => ({
            name,
            message: 'd3 DOM modules belong in src/view only.',
          })),
        },
      ],
    },
  },
  ...layerBlocks(),
  ...e2eBlocks(),
  engineNondeterminism,
  viewReadPath,
]);
