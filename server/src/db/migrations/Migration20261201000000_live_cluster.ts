import { Migration } from '@mikro-orm/migrations';

/**
 * Many server processes, one count: each process registers itself in `live_node` (a fresh identity
 * per start, kept alive by heartbeats) and mirrors who is connected to it into `live_presence`, one
 * row per console socket and one per participant key. A process that stops heartbeating is deleted,
 * and its presence with it (cascade). Both are UNLOGGED: presence is rebuilt from live connections,
 * never restored from a backup, and skipping the WAL keeps a join storm cheap.
 * `socket_io_attachments` is where Socket.IO's Postgres adapter puts messages over NOTIFY's 8,000 bytes.
 */
export class Migration20261201000000_live_cluster extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create unlogged table live_node (
      id uuid primary key,
      label text not null,
      pid int not null,
      started_at timestamptz not null default now(),
      heartbeat_at timestamptz not null default now()
    );`);
    this.addSql('create index live_node_label_idx on live_node (label);');
    this.addSql(`create unlogged table live_presence (
      conference_id int not null,
      bridge_point_id int not null,
      kind char(1) not null check (kind in ('c', 'p')),
      key text not null,
      node_id uuid not null references live_node (id) on delete cascade,
      primary key (conference_id, bridge_point_id, kind, key, node_id)
    );`);
    this.addSql('create index live_presence_node_idx on live_presence (node_id);');
    this.addSql(`create unlogged table socket_io_attachments (
      id bigserial unique,
      created_at timestamptz default now(),
      payload bytea
    );`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists socket_io_attachments;');
    this.addSql('drop table if exists live_presence;');
    this.addSql('drop table if exists live_node;');
  }
}
