import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql, tenantRlsWithPlatformReadSql } from '#database/rls'

/**
 * CRM, customer care: tenant rules (yearly greetings on a date custom field, periodic callbacks
 * since the last contact, follow-ups after a service) and the care tasks they generate. A task's
 * key is its rule, its customer and its occurrence, so reruns of the generator never duplicate.
 * Rules are readable in platform-scoped transactions: the sweeper finds the tenants that have some.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table care_rules (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        name text not null check (length(name) between 1 and 120),
        kind text not null check (kind in ('anniversary', 'periodic', 'post_service')),
        field_key text check (field_key ~ '^[a-z0-9_]{1,40}$'),
        days_before integer check (days_before between 0 and 60),
        interval_days integer check (interval_days between 1 and 3650),
        tracking_type text check (tracking_type in ('call', 'follow_up', 'visit', 'email', 'note')),
        days_after integer check (days_after between 0 and 365),
        title_template text not null check (length(title_template) between 1 and 200),
        assignee text not null check (assignee in ('owner', 'team')),
        team_id uuid,
        tag text check (length(tag) between 1 and 40),
        customer_status text check (customer_status in ('active', 'inactive')),
        active boolean not null default true,
        last_run_at timestamptz,
        created_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        check (kind <> 'anniversary' or (field_key is not null and days_before is not null)),
        check (kind <> 'periodic' or interval_days is not null),
        check (kind <> 'post_service' or (tracking_type is not null and days_after is not null)),
        foreign key (tenant_id, team_id) references teams (tenant_id, id) on delete set null (team_id)
      );
      create index care_rules_tenant on care_rules (tenant_id, created_at, id);

      create table care_tasks (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        rule_id uuid,
        customer_id uuid not null,
        kind text not null check (kind in ('anniversary', 'periodic', 'post_service')),
        occurrence text not null check (length(occurrence) <= 64),
        title text not null check (length(title) between 1 and 500),
        due_date date not null,
        status text not null default 'open' check (status in ('open', 'done', 'skipped')),
        assignee_user_id uuid,
        assignee_team_id uuid,
        claimed_at timestamptz,
        source_tracking_record_id uuid,
        tracking_record_id uuid,
        outcome text check (length(outcome) <= 64),
        note text check (length(note) <= 4000),
        due_notified_at timestamptz,
        completed_at timestamptz,
        completed_by uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        unique (tenant_id, rule_id, customer_id, occurrence),
        check ((status = 'open') = (completed_at is null)),
        foreign key (tenant_id, rule_id) references care_rules (tenant_id, id) on delete set null (rule_id),
        foreign key (tenant_id, customer_id) references customers (tenant_id, id) on delete cascade,
        foreign key (tenant_id, assignee_user_id) references users (tenant_id, id) on delete set null (assignee_user_id),
        foreign key (tenant_id, assignee_team_id) references teams (tenant_id, id) on delete set null (assignee_team_id),
        foreign key (tenant_id, source_tracking_record_id) references tracking_records (tenant_id, id) on delete set null (source_tracking_record_id),
        foreign key (tenant_id, tracking_record_id) references tracking_records (tenant_id, id) on delete set null (tracking_record_id),
        foreign key (tenant_id, completed_by) references users (tenant_id, id) on delete set null (completed_by)
      );
      create index care_tasks_open_user on care_tasks (tenant_id, assignee_user_id, due_date) where status = 'open';
      create index care_tasks_open_team on care_tasks (tenant_id, assignee_team_id, due_date) where status = 'open';
      create index care_tasks_customer on care_tasks (tenant_id, customer_id, due_date desc);
      create index care_tasks_due_unnotified on care_tasks (tenant_id, due_date) where status = 'open' and due_notified_at is null;
      create index care_tasks_rule_customer on care_tasks (tenant_id, rule_id, customer_id, status);

      ${tenantRlsWithPlatformReadSql('care_rules')}
      ${tenantRlsSql('care_tasks')}
    `)
  }

  async down() {
    this.schema.raw('drop table care_tasks, care_rules')
  }
}
