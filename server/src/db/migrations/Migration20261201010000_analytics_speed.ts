import { Migration } from '@mikro-orm/migrations';

/**
 * Analytics on 50,000 units without touching the wide rows:
 * - `answer_text`: the text answers (and "Other" texts) in a narrow table of their own, kept in step
 *   with `answer` by statement-level triggers, so a search reads a few megabytes instead of a row on
 *   every page of `answer`; a trigram index per survey and question (btree_gin) and one for newest first;
 * - `response_progress_idx`: progress counts from the index alone, never from the JSON-heavy rows;
 * - `assignment_survey_level_idx`: the deepest assigned level at once.
 */
export class Migration20261201010000_analytics_speed extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists btree_gin;');
    this.addSql(`create table answer_text (
      response_id int not null references response (id) on delete cascade,
      survey_id int not null,
      unit_path ltree not null,
      question_key varchar(63) not null,
      option_key varchar(63),
      text_value text not null,
      answered_at timestamptz not null default now()
    );`);
    this.addSql(`insert into answer_text (response_id, survey_id, unit_path, question_key, option_key, text_value, answered_at)
      select x.response_id, x.survey_id, x.unit_path, x.question_key, x.option_key, x.text_value, coalesce(r.submitted_at, now())
        from answer x join response r on r.id = x.response_id where x.text_value is not null;`);
    this.addSql(
      'create index answer_text_order_idx on answer_text (survey_id, question_key, answered_at desc, response_id desc);',
    );
    this.addSql('create index answer_text_response_idx on answer_text (response_id);');
    // "Other (please specify)" texts (at most 300 characters, so they fit in an index) read from the index alone.
    this.addSql(`create index answer_text_other_idx on answer_text (survey_id, question_key, option_key)
      include (unit_path, response_id, text_value) where option_key is not null;`);
    this.addSql(`create index answer_text_search_idx on answer_text
      using gin (survey_id, question_key, lower(immutable_unaccent(text_value)) gin_trgm_ops);`);

    this.addSql(`create function answer_text_added() returns trigger language plpgsql as $$
      begin
        insert into answer_text (response_id, survey_id, unit_path, question_key, option_key, text_value)
        select response_id, survey_id, unit_path, question_key, option_key, text_value from added where text_value is not null;
        return null;
      end $$;`);
    this.addSql(`create function answer_text_removed() returns trigger language plpgsql as $$
      begin
        delete from answer_text t using removed o
         where o.text_value is not null and t.response_id = o.response_id and t.question_key = o.question_key
           and t.option_key is not distinct from o.option_key;
        return null;
      end $$;`);
    this.addSql(`create trigger answer_text_on_insert after insert on answer referencing new table as added
      for each statement execute function answer_text_added();`);
    this.addSql(`create trigger answer_text_on_delete after delete on answer referencing old table as removed
      for each statement execute function answer_text_removed();`);
    this.addSql('drop index if exists answer_text_search_trgm;');

    this.addSql(
      'create index response_progress_idx on response (survey_id, assignment_id) include (status, first_submitted_at);',
    );
    // The deepest assigned level (checked on every analytics request) without reading every assignment.
    this.addSql('create index assignment_survey_level_idx on assignment (survey_id, unit_level);');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists assignment_survey_level_idx;');
    this.addSql('drop index if exists response_progress_idx;');
    this.addSql('drop trigger if exists answer_text_on_delete on answer;');
    this.addSql('drop trigger if exists answer_text_on_insert on answer;');
    this.addSql('drop function if exists answer_text_removed();');
    this.addSql('drop function if exists answer_text_added();');
    this.addSql('drop table if exists answer_text;');
    this.addSql(`create index answer_text_search_trgm on answer using gin (lower(immutable_unaccent(text_value)) gin_trgm_ops)
      where text_value is not null;`);
  }
}
