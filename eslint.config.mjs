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
            [{ group: ['../server', '../features/*', '../cli/*'], message: 'The lint core is pure.' }],
        ),
    },
    { files: ['server/src/**/*.ts'], rules: { 'no-console': 'error' } },
    { files: ['server/src/cli/**/*.ts'], rules: { 'no-console': 'off' } },
    {
        files: ['client/src/engine/**/*.ts'],
        rules: restrict(['vscode', 'vscode-languageclient', 'vscode-languageclient/node']),
    },
    {
        files: ['client/src/views/**/*.ts', 'client/src/commands/**/*.ts'],
        rules: restrict(['dockerode', 'docker-modem']),
    },
);
