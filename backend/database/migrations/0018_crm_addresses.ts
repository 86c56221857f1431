import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/**
 * Customers' postal addresses: structured (country, region, city, district, street, postal code)
 * so Chinese addresses keep their 省/市/区 parts and others their usual ones; the street line is the
 * only part required. Searchable by any part through a trigram index.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table customer_addresses (
        tenant_id uuid not null,
        id uuid not null,
        customer_id uuid not null,
        label text not null default 'home' check (label in ('home', 'work', 'billing', 'shipping', 'other')),
        country text check (country ~ '^[A-Z]{2}$'),
        region text check (length(region) <= 80),
        city text check (length(city) <= 80),
        district text check (length(district) <= 80),
        street text not null check (length(street) between 1 and 300),
        postal_code text check (length(postal_code) <= 20),
        position integer not null default 0,
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade
      );
      create index customer_addresses_customer on customer_addresses (tenant_id, customer_id);
      create index customer_addresses_trgm on customer_addresses
        using gin ((coalesce(region, '') || ' ' || coalesce(city, '') || ' ' || coalesce(district, '') || ' ' || street) gin_trgm_ops);
      ${tenantRlsSql('customer_addresses')}
    `)
  }

  async down() {
    this.schema.raw('drop table customer_addresses')
  }
}
