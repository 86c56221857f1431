import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/**
 * Softphone call quality: every ~10 s during a call the agent's browser reports the WebRTC jitter,
 * packet loss and round-trip time it measures (and an estimated MOS). The call's average and
 * worst values are computed on read.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table call_quality_samples (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        call_id uuid not null,
        user_id uuid not null,
        jitter_ms numeric(8, 2) not null check (jitter_ms between 0 and 10000),
        packet_loss_pct numeric(5, 2) not null check (packet_loss_pct between 0 and 100),
        rtt_ms numeric(8, 2) not null check (rtt_ms between 0 and 60000),
        mos numeric(3, 2) check (mos between 1 and 5),
        sampled_at timestamptz not null default now(),
        primary key (tenant_id, id),
        foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete cascade,
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
      );
      create index call_quality_samples_call on call_quality_samples (tenant_id, call_id, sampled_at);

      ${tenantRlsSql('call_quality_samples')}
    `)
  }

  async down() {
    this.schema.raw('drop table call_quality_samples')
  }
}
