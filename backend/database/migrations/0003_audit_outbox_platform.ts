import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql, tenantRlsWithPlatformReadSql } from '#database/rls'

/** Operation log, domain-event outbox, platform operators, login attempts and the dev mailbox. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table audit_logs (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        occurred_at timestamptz not null default now(),
        actor_type text not null check (actor_type in ('user', 'anonymous', 'operator', 'system')),
        actor_id uuid,
        actor_email text,
        action text not null,
        target_type text,
        target_id text,
        result text not null check (result in ('success', 'failure')),
        status integer,
        ip text,
        user_agent text,
        request_id text,
        before jsonb,
        after jsonb,
        primary key (tenant_id, id)
      );
      create index audit_logs_tenant_time on audit_logs (tenant_id, occurred_at desc);
      create index audit_logs_tenant_action on audit_logs (tenant_id, action, occurred_at desc);

      create table domain_events (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        type text not null,
        schema_version integer not null default 1,
        occurred_at timestamptz not null default now(),
        actor_type text not null,
        actor_id uuid,
        entity_type text not null,
        entity_id text not null,
        payload jsonb not null default '{}',
        published_at timestamptz,
        primary key (tenant_id, id)
      );
      create index domain_events_unpublished on domain_events (id) where published_at is null;
      create index domain_events_tenant_entity on domain_events (tenant_id, entity_type, entity_id, id);

      ${tenantRlsSql('audit_logs')}
      ${tenantRlsWithPlatformReadSql('domain_events')}

      create table platform_operators (
        id uuid primary key,
        email text not null unique,
        display_name text not null,
        password_hash text not null,
        created_at timestamptz not null default now()
      );
      create table platform_tokens (
        id uuid primary key,
        operator_id uuid not null references platform_operators(id) on delete cascade,
        hash text not null,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz
      );
      create table platform_audit_logs (
        id uuid primary key,
        occurred_at timestamptz not null default now(),
        operator_id uuid,
        operator_email text,
        action text not null,
        target_type text,
        target_id text,
        result text not null,
        ip text,
        user_agent text
      );
      create table login_attempts (
        id bigint generated always as identity primary key,
        ip text not null,
        tenant_slug text not null,
        email text not null,
        succeeded boolean not null,
        attempted_at timestamptz not null default now()
      );
      create index login_attempts_ip_time on login_attempts (ip, attempted_at desc);
      create table dev_mailbox (
        id uuid primary key,
        to_address text not null,
        subject text not null,
        body text not null,
        created_at timestamptz not null default now()
      );
    `)
  }

  async down() {
    this.schema.raw(
      `drop table dev_mailbox, login_attempts, platform_audit_logs, platform_tokens, platform_operators, domain_events, audit_logs`
    )
  }
}
