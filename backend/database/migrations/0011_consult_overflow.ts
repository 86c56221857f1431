import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Consultation inside the customer's room (a second agent offered a consult, then complete,
 * conference or cancel), outbound calls, overflow to voicemail or to a callback that keeps the
 * caller's place, and whether agents are told when a supervisor joins.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      alter table offers add column kind text not null default 'call' check (kind in ('call', 'consult'));
      drop index offers_one_pending_per_call;
      create unique index offers_one_pending_per_call on offers (tenant_id, call_id, kind) where status = 'pending';

      alter table calls
        add column consult_agent_id uuid,
        add column consult_initiator_id uuid,
        add column consult_state text check (consult_state in ('ringing', 'talking', 'conference')),
        add column callback boolean not null default false;

      alter table queues
        add column overflow_action text not null default 'queue' check (overflow_action in ('queue', 'voicemail', 'callback'));

      alter table recordings add column kind text not null default 'call' check (kind in ('call', 'voicemail'));

      alter table voice_settings add column notify_agent_of_supervision boolean not null default true;
    `)
  }

  async down() {
    this.schema.raw(`
      alter table voice_settings drop column notify_agent_of_supervision;
      alter table recordings drop column kind;
      alter table queues drop column overflow_action;
      alter table calls drop column consult_agent_id, drop column consult_initiator_id, drop column consult_state, drop column callback;
      delete from offers where kind = 'consult';
      drop index offers_one_pending_per_call;
      create unique index offers_one_pending_per_call on offers (tenant_id, call_id) where status = 'pending';
      alter table offers drop column kind;
    `)
  }
}
