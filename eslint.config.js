// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import boundaries from 'eslint-plugin-boundaries'
import globals from 'globals'

/**
 * Lint = typescript-eslint's recommended rules + the dependency rule of ARCHITECTURE.md §2 as a MODULE-BOUNDARY
 * rule (eslint-plugin-boundaries):
 *   - platform (src/platform/**) imports only platform;
 *   - a module (src/modules/NAME/**) imports platform, its own files, and the index.ts of LOWER modules in
 *     ORDER (notifications: anyone's); modules above ORDER (evaluation, complaints…) may import every
 *     index in ORDER, and nothing imports them;
 *   - other modules are reached only through their index.ts;
 *   - app (src/app.ts, routes.ts, deps.ts) wires modules; main (src/main/**) is the entry point nobody imports.
 */
const ORDER = ['identity', 'catalog', 'exchange', 'applications', 'cases', 'licences']
const LEAF = 'notifications'
const index = (name) => ['module-index', { name }]
const moduleOf = (name) => [['module', { name }], ['module-index', { name }]]

const moduleRules = [
  // A module's own files and its own index.ts (legacy template: the importer's captured name).
  { from: ['module'], allow: ['platform', ['module-index', { name: '${from.name}' }], index(LEAF)] },
  { from: ['module-index'], allow: ['platform', ['module', { name: '${from.name}' }], index(LEAF)] },
  // Call down: only lower modules' index.ts.
  ...ORDER.map((name, i) => ({ from: moduleOf(name), allow: ORDER.slice(0, i).map(index) })),
  // Later modules sit on top of the spine.
  { from: [['module', { name: `!(${[...ORDER, LEAF].join('|')})` }], ['module-index', { name: `!(${[...ORDER, LEAF].join('|')})` }]], allow: ORDER.map(index) },
]

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', '.tmp/**', 'dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] } },
      'boundaries/include': ['src/**/*'],
      'boundaries/elements': [
        { type: 'platform', pattern: 'src/platform', mode: 'folder' },
        { type: 'module-index', pattern: 'src/modules/*/index.ts', mode: 'full', capture: ['name'] },
        { type: 'module', pattern: 'src/modules/*', mode: 'folder', capture: ['name'] },
        { type: 'main', pattern: 'src/main', mode: 'folder' },
        // The composition root's Deps TYPE is the seam every module's routes receive.
        { type: 'deps', pattern: 'src/deps.ts', mode: 'full' },
        { type: 'app', pattern: ['src/app.ts', 'src/routes.ts'], mode: 'full' },
      ],
    },
    rules: {
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: 'A ${file.type} file may not import this ${dependency.type} file (ARCHITECTURE.md §2: modules call down through index.ts in the order identity → catalog → exchange → applications → cases → licences; platform imports no module; nothing imports main)',
          rules: [
            { from: ['platform'], allow: ['platform'] },
            ...moduleRules,
            { from: ['module', 'module-index'], allow: ['deps'], importKind: 'type' },
            { from: ['deps'], allow: ['platform', 'module-index'], importKind: 'type' },
            { from: ['app'], allow: ['platform', 'module', 'module-index', 'app', 'deps'] },
            { from: ['main'], allow: ['platform', 'module', 'module-index', 'app', 'deps', 'main'] },
          ],
        },
      ],
    },
  },
  {
    // Migrations are written against Kysely<any>: they must not depend on today's schema types.
    files: ['src/platform/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Test support, browser journeys, benchmarks and scripts may reach anything; main stays an entry point.
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
)
