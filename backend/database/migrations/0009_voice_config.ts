import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql, tenantRlsWithPlatformReadSql } from '#database/rls'

/** The reason codes every organisation starts with (signup seeds them too). */
const DEFAULT_REASON_CODES = [
  ['break', 'Break'],
  ['lunch', 'Lunch'],
  ['meeting', 'Meeting'],
  ['training', 'Training'],
] as const

/**
 * Voice configuration: not-ready reason codes, uploaded prompts, IVR menus, entry points (phone
 * numbers and web-call widgets), the organisation's voice settings, a per-queue recording mode
 * and the recordings' catalogue. A phone number and a widget key are unique across the whole
 * platform (the inbound path finds the tenant from them), so entry points are readable in
 * platform-scoped transactions.
 */
export default class extends BaseSchema {
  async up() {
    const defaults = DEFAULT_REASON_CODES.map(([code, label], i) => `('${code}', '${label}', ${i + 1})`).join(', ')
    this.schema.raw(`
      create table reason_codes (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        code text not null check (code ~ '^[a-z0-9_]{1,32}$'),
        label text not null check (length(label) between 1 and 64),
        active boolean not null default true,
        position integer not null default 0,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        unique (tenant_id, code)
      );

      -- Existing organisations get the defaults before the table is locked down by row-level security.
      select set_config('app.platform', 'on', true);
      insert into reason_codes (tenant_id, id, code, label, position)
        select t.id, gen_random_uuid(), d.code, d.label, d.position
        from tenants t cross join (values ${defaults}) as d (code, label, position);
      select set_config('app.platform', '', true);

      create table prompts (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        name text not null,
        language text not null check (language in ('en', 'zh-CN')),
        file_name text not null,
        duration_ms integer not null check (duration_ms >= 0),
        bytes integer not null check (bytes >= 0),
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id)
      );
      create unique index prompts_tenant_name on prompts (tenant_id, lower(name));

      create table ivr_menus (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        name text not null,
        language text not null check (language in ('en', 'zh-CN')),
        greeting_prompt_id uuid,
        menu_prompt_id uuid,
        timeout_seconds integer not null default 5 check (timeout_seconds between 3 and 30),
        max_retries integer not null default 2 check (max_retries between 0 and 5),
        options jsonb not null default '[]',
        default_queue_id uuid,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, greeting_prompt_id) references prompts (tenant_id, id),
        foreign key (tenant_id, menu_prompt_id) references prompts (tenant_id, id),
        foreign key (tenant_id, default_queue_id) references queues (tenant_id, id)
      );
      create unique index ivr_menus_tenant_name on ivr_menus (tenant_id, lower(name));

      create table entry_points (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        kind text not null check (kind in ('number', 'web')),
        name text not null,
        number text check (number ~ '^\\+[1-9][0-9]{6,14}$'),
        widget_key text,
        allowed_origins text[] not null default '{}',
        target_type text not null check (target_type in ('ivr', 'queue')),
        target_queue_id uuid,
        target_ivr_menu_id uuid,
        language text not null default 'en' check (language in ('en', 'zh-CN')),
        enabled boolean not null default true,
        sip_trunk_id text,
        sip_dispatch_rule_id text,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        check ((kind = 'number') = (number is not null)),
        check ((kind = 'web') = (widget_key is not null)),
        check ((target_type = 'queue') = (target_queue_id is not null)),
        check ((target_type = 'ivr') = (target_ivr_menu_id is not null)),
        foreign key (tenant_id, target_queue_id) references queues (tenant_id, id),
        foreign key (tenant_id, target_ivr_menu_id) references ivr_menus (tenant_id, id)
      );
      create unique index entry_points_number on entry_points (number) where number is not null;
      create unique index entry_points_widget_key on entry_points (widget_key) where widget_key is not null;
      create index entry_points_tenant on entry_points (tenant_id, created_at);

      create table voice_settings (
        tenant_id uuid not null primary key references tenants(id) on delete cascade,
        recording_mode text not null default 'on_demand' check (recording_mode in ('never', 'on_demand', 'always')),
        announce_position boolean not null default true,
        outbound_caller_id text check (outbound_caller_id ~ '^\\+[1-9][0-9]{6,14}$'),
        updated_at timestamptz not null default now()
      );

      alter table queues add column recording_mode text check (recording_mode in ('never', 'on_demand', 'always'));

      create table recordings (
        tenant_id uuid not null,
        id uuid not null,
        call_id uuid not null,
        file_name text not null,
        status text not null default 'recording' check (status in ('recording', 'completed', 'failed')),
        started_at timestamptz not null default now(),
        ended_at timestamptz,
        duration_ms integer,
        bytes bigint,
        sha256 text,
        created_at timestamptz not null default now(),
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, call_id) references calls (tenant_id, id) on delete cascade
      );
      create index recordings_call on recordings (tenant_id, call_id, started_at);

      ${['reason_codes', 'prompts', 'ivr_menus', 'voice_settings', 'recordings'].map((t) => tenantRlsSql(t)).join('\n')}
      ${tenantRlsWithPlatformReadSql('entry_points')}
    `)
  }

  async down() {
    this.schema.raw(`
      drop table recordings, entry_points, ivr_menus, prompts, voice_settings, reason_codes;
      alter table queues drop column recording_mode;
    `)
  }
}
