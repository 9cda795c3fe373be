import { Migration } from '@mikro-orm/migrations';

/** Extensions the unit tree (ltree) and accent-insensitive search (unaccent, pg_trgm) rest on. */
export class Migration20261122000000_extensions extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists ltree;');
    this.addSql('create extension if not exists pg_trgm;');
    this.addSql('create extension if not exists unaccent;');
    // unaccent() is only STABLE; an IMMUTABLE wrapper lets indexes and generated columns use it.
    this.addSql(`create or replace function immutable_unaccent(text) returns text
      language sql immutable parallel safe strict
      as $$ select public.unaccent('public.unaccent'::regdictionary, $1) $$;`);
  }

  override async down(): Promise<void> {
    this.addSql('drop function if exists immutable_unaccent(text);');
    this.addSql('drop extension if exists unaccent;');
    this.addSql('drop extension if exists pg_trgm;');
    this.addSql('drop extension if exists ltree;');
  }
}
