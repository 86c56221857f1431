import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/**
 * CRM, second increment: tracking records, the timeline of what was done with a customer (calls,
 * visits, e-mails, notes) and the follow-ups it promises. Due follow-ups are one index range per
 * owner: open records ordered by their follow-up time.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table tracking_records (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        customer_id uuid not null,
        type text not null check (type in ('call', 'follow_up', 'visit', 'email', 'note')),
        outcome text check (length(outcome) <= 64),
        content text not null check (length(content) <= 4000),
        call_id uuid,
        owner_id uuid not null,
        next_follow_up_at timestamptz,
        done boolean not null default false,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
        foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete set null (call_id),
        foreign key (tenant_id, owner_id) references users (tenant_id, id) on delete cascade
      );
      create index tracking_records_customer on tracking_records (tenant_id, customer_id, created_at desc, id desc);
      create index tracking_records_due on tracking_records (tenant_id, owner_id, next_follow_up_at)
        where not done and next_follow_up_at is not null;

      ${tenantRlsSql('tracking_records')}
    `)
  }

  async down() {
    this.schema.raw('drop table tracking_records')
  }
}
