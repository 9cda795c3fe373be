import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261122000000_extensions } from './Migration20261122000000_extensions.ts';
import { Migration20261122010000_units_accounts } from './Migration20261122010000_units_accounts.ts';
import { Migration20261122020000_surveys } from './Migration20261122020000_surveys.ts';
import { Migration20261122030000_conferences } from './Migration20261122030000_conferences.ts';
import { Migration20261122040000_analytics_indexes } from './Migration20261122040000_analytics_indexes.ts';
import { Migration20261123000000_conference_public_counter } from './Migration20261123000000_conference_public_counter.ts';
import { Migration20261201000000_live_cluster } from './Migration20261201000000_live_cluster.ts';
import { Migration20261201010000_analytics_speed } from './Migration20261201010000_analytics_speed.ts';
import { Migration20261202000000_analytics_basis } from './Migration20261202000000_analytics_basis.ts';
import { Migration20261203000000_sign_in_limit } from './Migration20261203000000_sign_in_limit.ts';

/**
 * Every migration, in order. Listed explicitly (not discovered from the folder) so that the set
 * is the same under tsx, vitest and a bundle. A new migration is appended here by hand.
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261122000000_extensions', class: Migration20261122000000_extensions },
  { name: 'Migration20261122010000_units_accounts', class: Migration20261122010000_units_accounts },
  { name: 'Migration20261122020000_surveys', class: Migration20261122020000_surveys },
  { name: 'Migration20261122030000_conferences', class: Migration20261122030000_conferences },
  { name: 'Migration20261122040000_analytics_indexes', class: Migration20261122040000_analytics_indexes },
  {
    name: 'Migration20261123000000_conference_public_counter',
    class: Migration20261123000000_conference_public_counter,
  },
  { name: 'Migration20261201000000_live_cluster', class: Migration20261201000000_live_cluster },
  { name: 'Migration20261201010000_analytics_speed', class: Migration20261201010000_analytics_speed },
  { name: 'Migration20261202000000_analytics_basis', class: Migration20261202000000_analytics_basis },
  { name: 'Migration20261203000000_sign_in_limit', class: Migration20261203000000_sign_in_limit },
];
