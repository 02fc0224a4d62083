// Type-aware lint; per-folder import rules keep the layers apart (pure core, engine without vscode).
import tseslint from 'typescript-eslint';

const restrict = (paths, patterns = []) => ({
    'no-restricted-imports': [
        'error',
        { paths: paths.map((name) => ({ name, message: 'Not allowed in this layer.' })), patterns },
    ],
});

export default tseslint.config(
    {
        ignores: [
            'node_modules/**',
            'out/**',
            'dist/**',
            '.vscode-test/**',
            'test/fixtures/**',
            '*.mjs',
            'bench/**/*.mjs',
        ],
    },
    ...tseslint.configs.recommended,
    {
        files: ['**/*.ts'],
        languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
        rules: {
            '@typescript-eslint/no-floating-promises': [
                'error',
                {
                    allowForKnownSafeCalls: [
                        { from: 'package', name: ['describe', 'it', 'test', 'before', 'after'], package: 'node:test' },
                    ],
                },
            ],
            '@typescript-eslint/no-misused-promises': 'error',
            '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
            eqeqeq: 'error',
            curly: 'error',
        },
    },
    // The layers (test/unit/layers.test.ts checks the same on the resolved import graph):
    // core is pure and never reaches the server's adapters; shared is a leaf; the client sees only shared;
    // the engine layer never sees vscode; nothing else in the client sees dockerode.
    {
        files: ['server/src/core/**/*.ts'],
        rules: restrict(
            [
                'vscode',
                'vscode-languageserver',
                'vscode-languageserver/node',
                'fs',
                'node:fs',
                'fs/promises',
                'node:fs/promises',
                'child_process',
                'node:child_process',
                'dockerode',
            ],
            [
                {
                    regex: '^\\.\\.?/(?:.*/)?(?:features|cli|shellcheck|tools|server|client)(?:/|$)',
                    message: 'The lint core is pure: it imports only itself, shared/ and packages.',
                },
            ],
        ),
    },
    { files: ['server/src/**/*.ts'], rules: { 'no-console': 'error' } },
    { files: ['server/src/cli/**/*.ts'], rules: { 'no-console': 'off' } },
    {
        files: ['server/src/shared/**/*.ts'],
        rules: restrict(
            ['vscode', 'vscode-languageserver', 'vscode-languageserver/node', 'vscode-languageclient'],
            [{ regex: '^\\.\\./', message: 'shared/ is a leaf: it imports nothing of ours outside itself.' }],
        ),
    },
    {
        files: ['client/src/engine/**/*.ts'],
        rules: restrict(
            ['vscode', 'vscode-languageclient', 'vscode-languageclient/node'],
            [{ regex: 'server/src/(?!shared/)', message: 'The client imports only server/src/shared.' }],
        ),
    },
    {
        files: ['client/src/**/*.ts'],
        ignores: ['client/src/engine/**'],
        rules: restrict(
            ['dockerode', 'docker-modem', 'ssh2'],
            [{ regex: 'server/src/(?!shared/)', message: 'The client imports only server/src/shared.' }],
        ),
    },
);
