import { Migration } from '@mikro-orm/migrations';

/**
 * Analytics leaves out withdrawn assignments and tells which questionnaire versions a total rests on:
 * - `assignment_withdrawn_idx`: the (usually no) withdrawn assignments of a survey, read once per statement;
 * - `response_version_idx`: the versions of a set of responses from the index alone, not the JSON-heavy rows.
 */
export class Migration20261202000000_analytics_basis extends Migration {
  override async up(): Promise<void> {
    this.addSql('create index assignment_withdrawn_idx on assignment (survey_id) where withdrawn_at is not null;');
    this.addSql('create index response_version_idx on response (survey_id, id) include (version_id);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists response_version_idx;');
    this.addSql('drop index if exists assignment_withdrawn_idx;');
  }
}
