import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { repoRoot } from '../config/config.ts';
import { printSchemaFile } from '../graphql/schema.ts';

/** `pnpm schema:print`: writes schema/schema.graphql from the server's type-graphql schema. */
const target = path.join(repoRoot, 'schema/schema.graphql');
await writeFile(target, await printSchemaFile());
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
