import { BaseSchema } from '@adonisjs/lucid/schema'

/** Webhook deliveries already handled, so a redelivered event has no second effect. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table voice_webhook_events (
        provider text not null,
        event_id text not null,
        type text not null,
        room text,
        received_at timestamptz not null default now(),
        primary key (provider, event_id)
      );
    `)
  }

  async down() {
    this.schema.raw(`drop table voice_webhook_events`)
  }
}
