import 'reflect-metadata';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { printSchemaFile } from '@diemcau/server';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../harness/process.ts';

const execFileAsync = promisify(execFile);

describe('schema contract', () => {
  it('schema/schema.graphql is what the server code prints (run `pnpm schema:print`)', async () => {
    const committed = await readFile(path.join(repoRoot, 'schema/schema.graphql'), 'utf8');
    expect(committed).toBe(await printSchemaFile());
  });
});

describe('web GraphQL types', () => {
  it('web/src/gql is what GraphQL Code Generator makes of the schema (run `pnpm schema:print`)', async () => {
    const out = await mkdtemp(path.join(os.tmpdir(), 'diemcau-codegen-'));
    try {
      const webDir = path.join(repoRoot, 'web');
      await execFileAsync(
        path.join(webDir, 'node_modules/.bin/graphql-codegen'),
        ['--config', 'codegen.ts', '--silent'],
        {
          cwd: webDir,
          env: { ...process.env, CODEGEN_OUT: `${out}/` },
        },
      );
      const committedDir = path.join(webDir, 'src/gql');
      const files = (await readdir(committedDir)).sort();
      expect((await readdir(out)).sort()).toEqual(files);
      for (const file of files) {
        expect(await readFile(path.join(out, file), 'utf8'), file).toBe(
          await readFile(path.join(committedDir, file), 'utf8'),
        );
      }
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  }, 60_000);
});
