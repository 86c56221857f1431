import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Calls with media: the room a call lives in, the IVR stage before the queue, hold/mute/recording
 * state for call control, the agent a transfer targets, and per-leg identities and supervision modes.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      alter table calls drop constraint calls_status_check;
      alter table calls add constraint calls_status_check check (status in ('ringing', 'ivr', 'queued', 'offered', 'connected', 'ended'));
      alter table calls
        add column room text,
        add column entry_point_id uuid,
        add column language text not null default 'en' check (language in ('en', 'zh-CN')),
        add column ivr_digits text[] not null default '{}',
        add column on_hold boolean not null default false,
        add column hold_started_at timestamptz,
        add column held_seconds integer not null default 0,
        add column hold_count integer not null default 0,
        add column muted boolean not null default false,
        add column recording_state text not null default 'off' check (recording_state in ('off', 'on', 'paused')),
        add column target_agent_id uuid,
        add column transfer_count integer not null default 0,
        add column disposition_notes text;
      create unique index calls_room on calls (room) where room is not null;
      create index calls_live on calls (tenant_id, created_at) where status <> 'ended';

      alter table call_legs
        add column identity text,
        add column mode text check (mode in ('monitor', 'whisper', 'barge'));
      create index call_legs_identity on call_legs (tenant_id, call_id, identity);
    `)
  }

  async down() {
    this.schema.raw(`
      alter table call_legs drop column identity, drop column mode;
      drop index calls_room;
      drop index calls_live;
      alter table calls
        drop column room, drop column entry_point_id, drop column language, drop column ivr_digits, drop column on_hold,
        drop column hold_started_at, drop column held_seconds, drop column hold_count, drop column muted,
        drop column recording_state, drop column target_agent_id, drop column transfer_count, drop column disposition_notes;
      update calls set status = 'ringing' where status = 'ivr';
      alter table calls drop constraint calls_status_check;
      alter table calls add constraint calls_status_check check (status in ('ringing', 'queued', 'offered', 'connected', 'ended'));
    `)
  }
}
