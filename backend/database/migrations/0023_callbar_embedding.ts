import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * "Reverse mode": the exact origins of third-party pages (a CRM) that may frame the agent's call
 * bar at /embed/<slug>/callbar and drive it through the agent SDK. Empty: nobody may.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`alter table tenants add column callbar_embed_origins text[] not null default '{}'`)
  }

  async down() {
    this.schema.raw('alter table tenants drop column callbar_embed_origins')
  }
}
