import { BaseSchema } from '@adonisjs/lucid/schema'
import env from '#start/env'

/** Scope functions, grants for the runtime role, and the tenants registry. */
export default class extends BaseSchema {
  async up() {
    const appRole = env.get('DB_APP_ROLE') ?? 'cc_app'
    this.schema.raw(`
      create or replace function app_current_tenant() returns uuid
        language sql stable as $$ select nullif(current_setting('app.tenant_id', true), '')::uuid $$;
      create or replace function app_is_platform() returns boolean
        language sql stable as $$ select coalesce(current_setting('app.platform', true), '') = 'on' $$;

      grant usage on schema public to ${appRole};
      alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};
      alter default privileges in schema public grant usage, select on sequences to ${appRole};

      create table tenants (
        id uuid primary key,
        slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$'),
        name text not null,
        time_zone text not null,
        locale text not null default 'en',
        default_country char(2) not null default 'US',
        status text not null default 'active' check (status in ('active', 'suspended')),
        suspended_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );
      alter table tenants enable row level security;
      alter table tenants force row level security;
      create policy tenants_isolation on tenants
        using (id = app_current_tenant() or app_is_platform())
        with check (id = app_current_tenant() or app_is_platform());
    `)
  }

  async down() {
    this.schema.raw(`drop table tenants; drop function app_current_tenant(); drop function app_is_platform();`)
  }
}
