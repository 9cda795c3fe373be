import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// type-graphql requires graphql's CommonJS build; vite would otherwise hand our code the ESM build,
// and graphql refuses types "from another module or realm". One graphql for everybody.
const typeGraphql = require.resolve('type-graphql', { paths: [path.join(here, '../server')] });
const graphqlCjs = require.resolve('graphql/index.js', { paths: [typeGraphql] });

export default defineConfig({
  resolve: { alias: { graphql: graphqlCjs } },
  test: {
    root: here,
    include: ['unit/**/*.test.ts', 'integration/**/*.test.ts', 'browser/**/*.test.ts'],
    globalSetup: ['./harness/global-setup.ts'],
    // type-graphql's decorators need the Reflect metadata API before any server module loads.
    setupFiles: ['reflect-metadata'],
    pool: 'forks',
    // Two cores: two test files at a time keeps each fast and the database unstarved.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 90_000,
    teardownTimeout: 30_000,
    reporters: ['default', './harness/summary-reporter.ts'],
  },
});
