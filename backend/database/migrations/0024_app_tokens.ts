import { BaseSchema } from '@adonisjs/lucid/schema'

/**
 * Short-lived REST tokens for embedded apps: an access token of kind `app`, minted from an agent's
 * session for one embedded app, accepted only from that app's origin, carrying a subset of the
 * agent's permissions, and dying with the session it came from.
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      alter table access_tokens drop constraint access_tokens_kind_check;
      alter table access_tokens add constraint access_tokens_kind_check check (kind in ('session', 'certificate', 'app'));
      alter table access_tokens
        add column app_id uuid,
        add column bound_origin text,
        add column parent_token_id uuid,
        add column scopes text[];
      alter table access_tokens add constraint access_tokens_app_shape check (
        (kind = 'app') = (app_id is not null and bound_origin is not null and parent_token_id is not null and scopes is not null)
      );
      create index access_tokens_parent on access_tokens (tenant_id, parent_token_id) where parent_token_id is not null;
    `)
  }

  async down() {
    this.schema.raw(`
      delete from access_tokens where kind = 'app';
      drop index access_tokens_parent;
      alter table access_tokens drop constraint access_tokens_app_shape;
      alter table access_tokens drop column app_id, drop column bound_origin, drop column parent_token_id, drop column scopes;
      alter table access_tokens drop constraint access_tokens_kind_check;
      alter table access_tokens add constraint access_tokens_kind_check check (kind in ('session', 'certificate'));
    `)
  }
}
