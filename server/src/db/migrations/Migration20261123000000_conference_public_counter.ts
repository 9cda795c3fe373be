import { Migration } from '@mikro-orm/migrations';

/**
 * An organizer may let anyone read a conference's big numbers (`publicLiveCounter`), for the
 * `<diemcau-live-counter>` element on a host portal; off unless they turn it on.
 */
export class Migration20261123000000_conference_public_counter extends Migration {
  override async up(): Promise<void> {
    this.addSql('alter table conference add column public_counter boolean not null default false;');
  }

  override async down(): Promise<void> {
    this.addSql('alter table conference drop column public_counter;');
  }
}
