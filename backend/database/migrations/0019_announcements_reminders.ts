import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/**
 * Agent workspace, first increment: announcements posted to the whole organisation or to chosen
 * teams, who acknowledged them, and each user's own reminders (optionally about a customer).
 * Reading one's own announcements and reminders needs no permission, so no role changes here.
 */
export default class extends BaseSchema {
  async up() {
    const tables = ['announcements', 'announcement_teams', 'announcement_acks', 'reminders']
    this.schema.raw(`
      create table announcements (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        title text not null check (length(title) between 1 and 200),
        body text not null check (length(body) between 1 and 10000),
        priority text not null default 'normal' check (priority in ('normal', 'urgent')),
        audience text not null check (audience in ('organisation', 'teams')),
        expires_at timestamptz,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, created_by) references users (tenant_id, id) on delete set null (created_by)
      );
      create index announcements_tenant_created on announcements (tenant_id, created_at desc, id desc);

      create table announcement_teams (
        tenant_id uuid not null,
        announcement_id uuid not null,
        team_id uuid not null,
        primary key (tenant_id, announcement_id, team_id),
        foreign key (tenant_id, announcement_id) references announcements (tenant_id, id) on delete cascade,
        foreign key (tenant_id, team_id) references teams (tenant_id, id) on delete cascade
      );
      create index announcement_teams_team on announcement_teams (tenant_id, team_id);

      create table announcement_acks (
        tenant_id uuid not null,
        announcement_id uuid not null,
        user_id uuid not null,
        acknowledged_at timestamptz not null default now(),
        primary key (tenant_id, announcement_id, user_id),
        foreign key (tenant_id, announcement_id) references announcements (tenant_id, id) on delete cascade,
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade
      );
      create index announcement_acks_user on announcement_acks (tenant_id, user_id);

      create table reminders (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        user_id uuid not null,
        title text not null check (length(title) between 1 and 200),
        note text check (length(note) <= 2000),
        due_at timestamptz not null,
        customer_id uuid,
        done boolean not null default false,
        done_at timestamptz,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, user_id) references users (tenant_id, id) on delete cascade,
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete set null (customer_id)
      );
      create index reminders_user_due on reminders (tenant_id, user_id, due_at, id);

      ${tables.map(tenantRlsSql).join('\n')}
    `)
  }

  async down() {
    this.schema.raw('drop table reminders, announcement_acks, announcement_teams, announcements')
  }
}
