/**
 * SQL for tenant isolation: every tenant-owned table gets ENABLE + FORCE row-level security and
 * one policy comparing its tenant_id with the transaction-local `app.tenant_id`.
 */
export function tenantRlsSql(table: string): string {
  return `
    alter table ${table} enable row level security;
    alter table ${table} force row level security;
    create policy ${table}_tenant_isolation on ${table}
      using (tenant_id = app_current_tenant())
      with check (tenant_id = app_current_tenant());
  `
}

/** Same as tenantRlsSql, but platform-scoped transactions (operator console, outbox relay) may read too. */
export function tenantRlsWithPlatformReadSql(table: string): string {
  return `
    alter table ${table} enable row level security;
    alter table ${table} force row level security;
    create policy ${table}_tenant_isolation on ${table}
      using (tenant_id = app_current_tenant() or app_is_platform())
      with check (tenant_id = app_current_tenant() or app_is_platform());
  `
}
