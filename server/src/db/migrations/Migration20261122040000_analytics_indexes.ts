import { Migration } from '@mikro-orm/migrations';

/**
 * Analytics read one question of one survey at a time: a covering index lets those scans skip the
 * table, and a trigram index on the unaccented text serves accent-insensitive search of answers.
 */
export class Migration20261122040000_analytics_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists answer_survey_question_idx;');
    this.addSql(`create index answer_question_cover_idx on answer (survey_id, question_key, option_key)
      include (response_id, numeric_value, date_value, unit_path);`);
    this.addSql(`create index answer_text_search_trgm on answer using gin (lower(immutable_unaccent(text_value)) gin_trgm_ops)
      where text_value is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists answer_text_search_trgm;');
    this.addSql('drop index if exists answer_question_cover_idx;');
    this.addSql('create index answer_survey_question_idx on answer (survey_id, question_key, option_key);');
  }
}
