import { BaseSchema } from '@adonisjs/lucid/schema'

/** Tenant slugs: lowercase letters and digits in groups joined by single hyphens, 3 to 40 long. */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      alter table tenants drop constraint tenants_slug_check;
      alter table tenants add constraint tenants_slug_check
        check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) between 3 and 40);
    `)
  }

  async down() {
    this.schema.raw(`
      alter table tenants drop constraint tenants_slug_check;
      alter table tenants add constraint tenants_slug_check check (slug ~ '^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$');
    `)
  }
}
