import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/** Permissions this migration gives the built-in roles of organisations that already exist. */
const NEW_ROLE_PERMISSIONS = ['customers.view_all', 'customers.view_ids']

/**
 * CRM, first increment: customers with their phone numbers (E.164 plus the last 8 digits, so the
 * caller match is two index lookups), e-mail addresses, tags and tenant-defined custom fields.
 * Names and numbers are searched by substring through trigram indexes.
 */
export default class extends BaseSchema {
  async up() {
    const tables = ['customer_fields', 'customers', 'customer_phones', 'customer_emails']
    this.schema.raw(`
      create extension if not exists pg_trgm;

      create table customer_fields (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        key text not null check (key ~ '^[a-z0-9_]{1,40}$'),
        label text not null check (length(label) between 1 and 80),
        type text not null check (type in ('text', 'number', 'date', 'choice', 'multi_choice')),
        options text[] not null default '{}',
        required boolean not null default false,
        position integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        unique (tenant_id, key)
      );

      create table customers (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        kind text not null default 'person' check (kind in ('person', 'organisation')),
        name text not null check (length(name) between 1 and 200),
        id_number text,
        owner_id uuid,
        source text,
        status text not null default 'active' check (status in ('active', 'inactive')),
        tags text[] not null default '{}',
        notes text,
        custom_fields jsonb not null default '{}',
        created_by uuid,
        updated_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, owner_id) references users (tenant_id, id) on delete set null (owner_id)
      );
      create index customers_tenant_owner on customers (tenant_id, owner_id);
      create index customers_tenant_name on customers (tenant_id, name, id);
      create index customers_tenant_created on customers (tenant_id, created_at, id);
      create index customers_tenant_updated on customers (tenant_id, updated_at, id);
      create index customers_tags on customers using gin (tags);
      create index customers_name_trgm on customers using gin (name gin_trgm_ops);

      create table customer_phones (
        tenant_id uuid not null,
        id uuid not null,
        customer_id uuid not null,
        e164 text not null check (e164 ~ '^\\+[0-9]{7,15}$'),
        raw text not null,
        last8 text not null,
        label text not null default 'mobile' check (label in ('mobile', 'work', 'home', 'other')),
        position integer not null default 0,
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
      );
      create index customer_phones_customer on customer_phones (tenant_id, customer_id);
      create index customer_phones_e164 on customer_phones (tenant_id, e164);
      create index customer_phones_last8 on customer_phones (tenant_id, last8);
      create index customer_phones_trgm on customer_phones using gin (e164 gin_trgm_ops);

      create table customer_emails (
        tenant_id uuid not null,
        id uuid not null,
        customer_id uuid not null,
        address text not null,
        label text not null default 'work' check (label in ('work', 'home', 'other')),
        position integer not null default 0,
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
      );
      create index customer_emails_customer on customer_emails (tenant_id, customer_id);
      create index customer_emails_address on customer_emails (tenant_id, lower(address));
      create index customer_emails_trgm on customer_emails using gin (lower(address) gin_trgm_ops);

      ${tables.map(tenantRlsSql).join('\n')}

      -- Built-in roles of existing organisations get the new CRM permissions (the owner lifts FORCE for this one statement).
      alter table roles no force row level security;
      update roles set permissions = array(select distinct p from unnest(permissions || array['${NEW_ROLE_PERMISSIONS.join("', '")}']) as p order by p)
        where built_in and key in ('tenant_admin', 'customer_manager');
      alter table roles force row level security;
    `)
  }

  async down() {
    this.schema.raw(`
      alter table roles no force row level security;
      update roles set permissions = array(select p from unnest(permissions) as p where p <> all (array['${NEW_ROLE_PERMISSIONS.join("', '")}']))
        where built_in;
      alter table roles force row level security;
      drop table customer_emails, customer_phones, customers, customer_fields;
    `)
  }
}
