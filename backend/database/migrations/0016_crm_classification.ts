import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/**
 * CRM classification: tenant-defined category groups ("Grade": A/B/C, "Industry", "VIP") with their
 * values, the values each customer has, and segments (saved rule-based filters whose members are
 * always computed live). An assignment row repeats its value's group, tied by a composite foreign
 * key, so "the customer's value in this group" and "customers with this value" are index lookups.
 */
export default class extends BaseSchema {
  async up() {
    const tables = ['customer_category_groups', 'customer_category_values', 'customer_categories', 'customer_segments']
    this.schema.raw(`
      create table customer_category_groups (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        name text not null check (length(name) between 1 and 80),
        description text check (length(description) <= 500),
        exclusive boolean not null default false,
        position integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id)
      );
      create unique index customer_category_groups_name on customer_category_groups (tenant_id, lower(name));

      create table customer_category_values (
        tenant_id uuid not null,
        id uuid not null,
        group_id uuid not null,
        name text not null check (length(name) between 1 and 80),
        colour text not null default '#1677ff' check (colour ~ '^#[0-9a-f]{6}$'),
        position integer not null default 0,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        unique (tenant_id, group_id, id),
        foreign key (tenant_id, group_id) references customer_category_groups (tenant_id, id) on delete cascade
      );
      create unique index customer_category_values_name on customer_category_values (tenant_id, group_id, lower(name));

      create table customer_categories (
        tenant_id uuid not null,
        customer_id uuid not null,
        value_id uuid not null,
        group_id uuid not null,
        assigned_by uuid,
        assigned_at timestamptz not null default now(),
        primary key (tenant_id, customer_id, value_id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
        foreign key (tenant_id, group_id, value_id) references customer_category_values (tenant_id, group_id, id) on delete cascade,
        foreign key (tenant_id, assigned_by) references users (tenant_id, id) on delete set null (assigned_by)
      );
      -- The list's "customers with this value" filter and segment conditions on values.
      create index customer_categories_value on customer_categories (tenant_id, value_id, customer_id);
      -- Exclusive groups: the value a customer has in a group.
      create index customer_categories_group on customer_categories (tenant_id, customer_id, group_id);

      create table customer_segments (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        name text not null check (length(name) between 1 and 120),
        description text check (length(description) <= 1000),
        rules jsonb not null,
        created_by uuid,
        updated_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by),
        foreign key (tenant_id, updated_by) references users (tenant_id, id) on delete set null (updated_by)
      );
      create unique index customer_segments_name on customer_segments (tenant_id, lower(name));

      -- Segment conditions on the source and on custom fields.
      create index customers_tenant_source on customers (tenant_id, source) where source is not null;
      create index customers_custom_fields on customers using gin (custom_fields jsonb_path_ops);

      ${tables.map(tenantRlsSql).join('\n')}
    `)
  }

  async down() {
    this.schema.raw(`
      drop index customers_custom_fields;
      drop index customers_tenant_source;
      drop table customer_segments, customer_categories, customer_category_values, customer_category_groups;
    `)
  }
}
