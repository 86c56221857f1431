import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsWithPlatformReadSql } from '#database/rls'

/** Background jobs (exports, imports, reports): queued rows claimed by any backend process. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table jobs (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        kind text not null,
        status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
        params jsonb not null default '{}',
        progress_done integer not null default 0,
        progress_total integer,
        result jsonb,
        error text,
        created_by uuid not null,
        attempts integer not null default 0,
        locked_by text,
        heartbeat_at timestamptz,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        primary key (tenant_id, id),
        unique (id)
      );
      create index jobs_queued on jobs (created_at) where status = 'queued';
      create index jobs_tenant_creator on jobs (tenant_id, created_by, created_at desc);
      ${tenantRlsWithPlatformReadSql('jobs')}
    `)
  }

  async down() {
    this.schema.raw(`drop table jobs`)
  }
}
