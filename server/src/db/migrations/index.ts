import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000000_extensions } from './Migration20261122000000_extensions.ts';
import { Migration20261122010000_units_accounts } from './Migration20261122010000_units_accounts.ts';

/**
 * Every migration, in order. Listed explicitly (not discovered from the folder) so that the set
 * is the same under tsx, vitest and a bundle. `pnpm db:migration:create` appends here.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122000000_extensions', class: Migration20261122000000_extensions },
  { name: 'Migration20261122010000_units_accounts', class: Migration20261122010000_units_accounts },
];
