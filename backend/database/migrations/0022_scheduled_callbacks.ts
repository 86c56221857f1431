import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsWithPlatformReadSql } from '#database/rls'

/**
 * Scheduled callbacks: an agent (or a supervisor for them) books a call back to a number at a
 * time, through a queue, either for the agent only (falling back to the queue after a grace
 * period) or for anyone in the queue. When due, the ACD turns it into a queued callback call
 * (`calls.callback_id`); answering it dials the number out. The ACD sweeper finds due callbacks
 * across tenants, so platform-scoped transactions may read the table.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table scheduled_callbacks (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        number text not null check (length(number) between 3 and 32),
        customer_id uuid,
        queue_id uuid not null,
        mode text not null check (mode in ('personal', 'queue')),
        agent_id uuid not null,
        note text check (length(note) <= 2000),
        due_at timestamptz not null,
        status text not null default 'scheduled' check (status in ('scheduled', 'queued', 'completed', 'cancelled', 'failed')),
        simulated boolean not null default false,
        call_id uuid,
        failure_reason text,
        created_by uuid,
        queued_at timestamptz,
        finished_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete set null (customer_id),
        foreign key (tenant_id, queue_id) references queues (tenant_id, id) on delete cascade,
        foreign key (tenant_id, agent_id) references users (tenant_id, id) on delete cascade,
        foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete set null (call_id),
        foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
      );
      create index scheduled_callbacks_due on scheduled_callbacks (tenant_id, due_at, id) where status = 'scheduled';
      create index scheduled_callbacks_due_any on scheduled_callbacks (due_at) where status = 'scheduled';
      create index scheduled_callbacks_agent on scheduled_callbacks (tenant_id, agent_id, due_at, id);

      alter table calls add column callback_id uuid;
      alter table calls add constraint calls_callback_fk
        foreign key (tenant_id, callback_id) references scheduled_callbacks (tenant_id, id) on delete set null (callback_id);

      ${tenantRlsWithPlatformReadSql('scheduled_callbacks')}
    `)
  }

  async down() {
    this.schema.raw(`
      alter table calls drop constraint calls_callback_fk;
      alter table calls drop column callback_id;
      drop table scheduled_callbacks;
    `)
  }
}
