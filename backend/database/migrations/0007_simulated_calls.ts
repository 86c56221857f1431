import { BaseSchema } from '@adonisjs/lucid/schema'

/** Simulated calls: an admin tests routing (and load scripts measure it) without a phone line. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      alter table calls drop constraint calls_channel_check;
      alter table calls add constraint calls_channel_check check (channel in ('voice', 'web', 'simulated'));
    `)
  }

  async down() {
    this.schema.raw(`
      delete from calls where channel = 'simulated';
      alter table calls drop constraint calls_channel_check;
      alter table calls add constraint calls_channel_check check (channel in ('voice', 'web'));
    `)
  }
}
