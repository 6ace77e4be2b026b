import nx from '@nx/eslint-plugin';
import jest from 'eslint-plugin-jest';
import tseslint from 'typescript-eslint';

const frameworks = ['@nestjs/*', 'typeorm', 'pg', 'pg-boss', 'playwright*', 'resend', 'handlebars', 'undici'];

/** The arrows of STYLE.md: apps → libs; domain and util libs import no framework; testing only from tests. */
function boundaries({ tests }) {
  const testing = tests ? ['type:testing'] : [];
  return [
    'error',
    {
      enforceBuildableLibDependency: false,
      allow: [],
      depConstraints: [
        { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:data-access', 'type:feature', ...testing] },
        { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:data-access', ...testing] },
        { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:domain', 'type:util', ...testing] },
        { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: frameworks },
        { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain', 'type:util', ...testing], bannedExternalImports: frameworks },
        { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:domain', 'type:util', 'type:data-access', 'type:feature', 'type:testing'] },
      ],
    },
  ];
}

const testFiles = ['**/*.spec.ts', '**/*.integration-spec.ts', 'apps/*/src/testing/**/*.ts', 'bench/**/*.ts', 'scripts/eval/**/*.ts'];

export default [
  { ignores: ['dist/**', 'node_modules/**', '.data/**', '**/fixtures/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@nx/enforce-module-boundaries': boundaries({ tests: false }),
    },
  },
  {
    // A promise nobody awaits loses its error (and, in a job, its retry).
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
  { files: testFiles, rules: { '@nx/enforce-module-boundaries': boundaries({ tests: true }) } },
  { files: ['**/*.spec.ts', '**/*.integration-spec.ts'], plugins: { jest }, rules: { 'jest/valid-expect': 'error' } },
  { files: ['**/*.js', '**/*.mjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
];
