import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/**
 * Third-party apps the agent workspace frames next to the call bar: a URL template per app, the
 * queues it applies to (none = every queue), the SDK capabilities it is granted. The app's origin,
 * derived from its URL, is what the workspace's SDK host allows.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table embedded_apps (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        name text not null check (length(name) between 1 and 80),
        url_template text not null check (length(url_template) between 1 and 2000),
        origin text not null,
        queue_ids uuid[] not null default '{}',
        capabilities text[] not null default '{}',
        position integer not null default 0,
        enabled boolean not null default true,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id)
      );
      create index embedded_apps_tenant_position on embedded_apps (tenant_id, position, name);
      ${tenantRlsSql('embedded_apps')}
    `)
  }

  async down() {
    this.schema.raw('drop table embedded_apps')
  }
}
