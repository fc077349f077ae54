// Lint: typescript-eslint's recommended rules over every TypeScript source.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// Dependencies point one way (architecture.md "Layout"): apps -> projections -> libs, and inside
// libs application and projection may use domain, event-store and read-store, never the reverse.
// No app imports another app, except the all-in-one root (apps/hub).
const into = (what) =>
  `Dependencies point one way (apps -> projections -> libs): not into ${what}.`;
const APPS = { regex: '(^|/)apps/', message: into('apps') };
const PROJECTIONS = {
  regex: '^@hub/projections(/|$)|(^|/)projections/',
  message: into('projections'),
};
const UPPER_LIBS = {
  regex: '^@hub/(application|projection|runtime)(/|$)',
  message: into('application, projection or runtime from domain, event-store or read-store'),
};
const otherApps = (self) => ({
  regex: `^(\\.\\./)+(${['hub', 'hub-api', 'projector', 'ingest', 'workflows', 'web'].filter((a) => a !== self).join('|')})/`,
  message: 'No app imports another app (only apps/hub composes them).',
});
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const direction = [
  { files: ['libs/**/*.ts'], rules: restrict(APPS, PROJECTIONS) },
  {
    files: ['libs/{domain,event-store,read-store}/**/*.ts'],
    rules: restrict(APPS, PROJECTIONS, UPPER_LIBS),
  },
  { files: ['projections/**/*.ts'], rules: restrict(APPS) },
  ...['hub-api', 'projector', 'ingest', 'workflows'].map((app) => ({
    files: [`apps/${app}/**/*.ts`],
    rules: restrict(otherApps(app)),
  })),
];

// One clock (architecture.md "Time, workflows and notifications"): deciders get `at` in the
// command, projections use event times, query-time rules take the day from the Clock port.
const ONE_CLOCK = {
  files: ['libs/domain/**/*.ts', 'projections/**/*.ts'],
  ignores: ['**/*.spec.ts', '**/*.fixtures.ts'],
  rules: {
    'no-restricted-syntax': [
      'error',
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'One clock: take the instant from the command (`at`), the event, or the Clock port.',
      },
      {
        selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
        message: 'One clock: take the instant from the command (`at`), the event, or the Clock port.',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.cache/**', '.data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'off',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  ...direction,
  ONE_CLOCK,
  {
    // Specs and test helpers read loosely typed HTTP answers and fixtures.
    files: ['**/*.spec.ts', '**/testing/**/*.ts', 'apps/hub/e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // CommonJS files (jest config, require hooks preloaded with `node -r`).
    files: ['**/*.js', '**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
      },
    },
  },
);
