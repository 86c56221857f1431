import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/**
 * The organisation's KPI choices for the data center: the service-level threshold T, the
 * short-abandon threshold (both multiples of 5 s, the rollups' wait bins), which abandons count
 * against the service level, and the first-contact-resolution window. No row: the defaults. The
 * time zone is the organisation's own (`tenants.time_zone`).
 */
export default class extends BaseSchema {
  async up() {
    this.schema.raw(`
      create table kpi_settings (
        tenant_id uuid not null primary key references tenants(id) on delete cascade,
        service_level_seconds integer not null check (service_level_seconds between 5 and 295 and service_level_seconds % 5 = 0),
        short_abandon_seconds integer not null check (short_abandon_seconds between 5 and 295 and short_abandon_seconds % 5 = 0),
        service_level_abandons text not null check (service_level_abandons in ('all', 'exclude_short', 'none')),
        fcr_days integer not null check (fcr_days between 1 and 90),
        updated_by uuid,
        updated_at timestamptz not null default now()
      );
      ${tenantRlsSql('kpi_settings')}
    `)
  }

  async down() {
    this.schema.raw('drop table kpi_settings')
  }
}
