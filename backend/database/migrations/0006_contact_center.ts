import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql, tenantRlsWithPlatformReadSql } from '#database/rls'

/**
 * The ACD core: skills, queues, agent states and their history, calls, legs and offers. Partial
 * unique indexes make "one pending offer per agent" and "one pending offer per call" database
 * facts, whatever number of backend processes route at once.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table skills (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        name text not null,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id)
      );
      create unique index skills_tenant_name on skills (tenant_id, lower(name));

      create table queues (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        name text not null,
        strategy text not null default 'longest_idle' check (strategy in ('longest_idle', 'most_skilled', 'round_robin')),
        priority integer not null default 0 check (priority between 0 and 100),
        service_level_seconds integer not null default 20 check (service_level_seconds between 1 and 3600),
        wrap_up_seconds integer not null default 10 check (wrap_up_seconds between 0 and 3600),
        offer_timeout_seconds integer not null default 20 check (offer_timeout_seconds between 5 and 600),
        relax_after_seconds integer check (relax_after_seconds between 5 and 3600),
        overflow_after_seconds integer check (overflow_after_seconds between 5 and 86400),
        overflow_queue_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, overflow_queue_id) references queues (tenant_id, id) on delete set null (overflow_queue_id)
      );
      create unique index queues_tenant_name on queues (tenant_id, lower(name));

      create table queue_skills (
        tenant_id uuid not null,
        queue_id uuid not null,
        skill_id uuid not null,
        min_level integer not null check (min_level between 1 and 10),
        primary key (tenant_id, queue_id, skill_id),
        foreign key (tenant_id, queue_id) references queues (tenant_id, id) on delete cascade,
        foreign key (tenant_id, skill_id) references skills (tenant_id, id) on delete cascade
      );

      create table queue_members (
        tenant_id uuid not null,
        queue_id uuid not null,
        user_id uuid not null,
        primary key (tenant_id, queue_id, user_id),
        foreign key (tenant_id, queue_id) references queues (tenant_id, id) on delete cascade,
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
      );

      create table agent_skills (
        tenant_id uuid not null,
        user_id uuid not null,
        skill_id uuid not null,
        level integer not null check (level between 1 and 10),
        primary key (tenant_id, user_id, skill_id),
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
        foreign key (tenant_id, skill_id) references skills (tenant_id, id) on delete cascade
      );

      create table agent_states (
        tenant_id uuid not null,
        user_id uuid not null,
        state text not null default 'offline' check (state in ('offline', 'ready', 'not_ready', 'reserved', 'busy', 'wrap_up')),
        reason text,
        locked boolean not null default false,
        since timestamptz not null default now(),
        last_offer_at timestamptz,
        current_call_id uuid,
        primary key (tenant_id, user_id),
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
      );
      create index agent_states_ready on agent_states (tenant_id, since) where state = 'ready' and not locked;

      create table agent_state_changes (
        tenant_id uuid not null,
        id uuid not null,
        user_id uuid not null,
        from_state text not null,
        to_state text not null,
        reason text,
        changed_at timestamptz not null default now(),
        actor_id uuid,
        primary key (tenant_id, id),
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
      );
      create index agent_state_changes_user on agent_state_changes (tenant_id, user_id, changed_at);

      create table calls (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        direction text not null check (direction in ('inbound', 'outbound')),
        channel text not null check (channel in ('voice', 'web')),
        status text not null check (status in ('ringing', 'queued', 'offered', 'connected', 'ended')),
        ani text,
        dnis text,
        queue_id uuid,
        priority integer not null default 0,
        agent_id uuid,
        rona_count integer not null default 0,
        created_at timestamptz not null default now(),
        queued_at timestamptz,
        offered_at timestamptz,
        answered_at timestamptz,
        ended_at timestamptz,
        end_reason text,
        disposition text,
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, queue_id) references queues (tenant_id, id)
      );
      create index calls_waiting on calls (tenant_id, priority desc, queued_at) where status = 'queued';

      create table call_legs (
        tenant_id uuid not null,
        id uuid not null,
        call_id uuid not null,
        role text not null check (role in ('customer', 'agent', 'supervisor', 'bot')),
        user_id uuid,
        provider_id text,
        joined_at timestamptz not null default now(),
        left_at timestamptz,
        end_reason text,
        primary key (tenant_id, id),
        foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete cascade
      );
      create index call_legs_call on call_legs (tenant_id, call_id);

      create table offers (
        tenant_id uuid not null,
        id uuid not null,
        call_id uuid not null,
        user_id uuid not null,
        status text not null default 'pending' check (status in ('pending', 'accepted', 'rejected', 'expired', 'cancelled')),
        offered_at timestamptz not null default now(),
        expires_at timestamptz not null,
        decided_at timestamptz,
        primary key (tenant_id, id),
        foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete cascade,
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
      );
      create unique index offers_one_pending_per_agent on offers (tenant_id, user_id) where status = 'pending';
      create unique index offers_one_pending_per_call on offers (tenant_id, call_id) where status = 'pending';
      create index offers_expiring on offers (expires_at) where status = 'pending';

      ${['skills', 'queues', 'queue_skills', 'queue_members', 'agent_skills', 'agent_state_changes', 'call_legs'].map((t) => tenantRlsSql(t)).join('\n')}
      ${['agent_states', 'calls', 'offers'].map((t) => tenantRlsWithPlatformReadSql(t)).join('\n')}
    `)
  }

  async down() {
    this.schema.raw(
      `drop table offers, call_legs, calls, agent_state_changes, agent_states, agent_skills, queue_members, queue_skills, queues, skills`
    )
  }
}
