import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/**
 * CRM, duplicate merge: each merge keeps the removed customer's full JSON snapshot, who merged it
 * and when, beside the customer it went into. ID numbers get an index so the duplicate check is
 * an index lookup like phones and e-mails.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table customer_merges (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        kept_customer_id uuid not null,
        merged_customer_id uuid not null,
        merged_name text not null,
        snapshot jsonb not null,
        merged_by uuid,
        merged_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, kept_customer_id) references customers (tenant_id, id) on delete cascade,
        foreign key (tenant_id, merged_by) references users (tenant_id, id) on delete set null (merged_by)
      );
      create index customer_merges_kept on customer_merges (tenant_id, kept_customer_id, merged_at desc);
      create index customers_id_number on customers (tenant_id, upper(id_number)) where id_number is not null;

      ${tenantRlsSql('customer_merges')}
    `)
  }

  async down() {
    this.schema.raw('drop index customers_id_number; drop table customer_merges')
  }
}
