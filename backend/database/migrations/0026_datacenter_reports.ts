import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/** Built-in roles that read reports and now may export them too. */
const EXPORT_ROLES = ['tenant_admin', 'supervisor', 'executive']

/**
 * Saved report definitions of the data center: a user's named choice of range (a preset or two
 * instants), grouping, filters and KPI columns, private or shared with the organisation; the
 * name is unique per owner. Exports of the data center get their own permission, `reports.export`,
 * which the built-in roles that read reports receive.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table saved_reports (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        owner_id uuid not null,
        name text not null check (length(name) between 1 and 120),
        description text check (length(description) <= 500),
        shared boolean not null default false,
        definition jsonb not null,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, owner_id) references users (tenant_id, id) on delete cascade
      );
      create unique index saved_reports_owner_name on saved_reports (tenant_id, owner_id, lower(name));
      create index saved_reports_tenant_updated on saved_reports (tenant_id, updated_at desc, id desc);
      ${tenantRlsSql('saved_reports')}

      -- Built-in roles of existing organisations get the new permission (the owner lifts FORCE for this one statement).
      alter table roles no force row level security;
      update roles set permissions = array(select distinct p from unnest(permissions || array['reports.export']) as p order by p)
        where built_in and key in ('${EXPORT_ROLES.join("', '")}');
      alter table roles force row level security;
    `)
  }

  async down() {
    this.schema.raw(`
      alter table roles no force row level security;
      update roles set permissions = array(select p from unnest(permissions) as p where p <> 'reports.export') where built_in;
      alter table roles force row level security;
      drop table saved_reports;
    `)
  }
}
