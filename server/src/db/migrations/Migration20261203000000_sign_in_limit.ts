import { Migration } from '@mikro-orm/migrations';

/**
 * Sign-in rate limits in the database rather than in each process's memory, so a cluster's
 * processes share one budget per username and per client address: a fixed window per key.
 */
export class Migration20261203000000_sign_in_limit extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table sign_in_limit (
      key text primary key,
      points int not null,
      expires_at timestamptz not null
    );`);
    this.addSql('create index sign_in_limit_expires_at on sign_in_limit (expires_at);');
  }

  override async down(): Promise<void> {
    this.addSql('drop table sign_in_limit;');
  }
}
