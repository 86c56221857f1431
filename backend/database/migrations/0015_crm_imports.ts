import { BaseSchema } from '@adonisjs/lucid/schema'
import { tenantRlsSql } from '#database/rls'

/**
 * CRM bulk import. An import is an uploaded file with its column mapping and dedupe policy; its
 * job works through the file in batches, each batch one transaction that writes the customers, a
 * journal row per data row and the checkpoint together. So a stopped import can resume after its
 * checkpoint, and a rollback knows exactly which customers it created and what the updated ones
 * looked like before. Mappings are remembered per set of column headers.
 */
export default class extends BaseSchema {
  async up() {
    const tables = ['customer_import_mappings', 'customer_imports', 'customer_import_rows']
    this.schema.raw(`
      create table customer_import_mappings (
        tenant_id uuid not null references tenants(id) on delete cascade,
        signature text not null,
        mapping jsonb not null,
        dedupe_keys text[] not null,
        dedupe_policy text not null,
        updated_at timestamptz not null default now(),
        primary key (tenant_id, signature)
      );

      create table customer_imports (
        tenant_id uuid not null references tenants(id) on delete cascade,
        id uuid not null,
        file_name text not null,
        file text not null,
        format text not null check (format in ('csv', 'xlsx')),
        encoding text check (encoding in ('utf-8', 'utf-8-bom', 'gb18030')),
        delimiter text,
        headers text[] not null,
        sample_rows jsonb not null default '[]',
        total_rows integer not null,
        mapping jsonb not null default '[]',
        dedupe_keys text[] not null default '{phone}',
        dedupe_policy text not null default 'skip' check (dedupe_policy in ('skip', 'update', 'create')),
        default_owner_id uuid,
        status text not null default 'uploaded'
          check (status in ('uploaded', 'queued', 'running', 'succeeded', 'failed', 'rolling_back', 'rolled_back')),
        job_id uuid,
        checkpoint integer not null default 0,
        created_count integer not null default 0,
        updated_count integer not null default 0,
        skipped_count integer not null default 0,
        failed_count integer not null default 0,
        kept_count integer not null default 0,
        error text,
        created_by uuid not null,
        created_at timestamptz not null default now(),
        started_at timestamptz,
        finished_at timestamptz,
        primary key (tenant_id, id),
        unique (id),
        foreign key (tenant_id, created_by) references users (tenant_id, id),
        foreign key (tenant_id, default_owner_id) references users (tenant_id, id) on delete set null (default_owner_id),
        foreign key (tenant_id, job_id) references jobs (tenant_id, id) on delete set null (job_id)
      );
      create index customer_imports_tenant_created on customer_imports (tenant_id, created_at desc);
      -- Dedupe by ID number (imports, duplicate detection).
      create index customers_tenant_id_number on customers (tenant_id, id_number) where id_number is not null;

      -- One row per data row the job has committed: what happened, to which customer, and for
      -- updates the customer as it was before (for rollback). Cells are kept for failed and skipped
      -- rows only (the report).
      create table customer_import_rows (
        tenant_id uuid not null,
        import_id uuid not null,
        row integer not null,
        action text not null check (action in ('created', 'updated', 'skipped', 'failed')),
        customer_id uuid,
        written_at timestamptz,
        before jsonb,
        errors jsonb,
        cells text[],
        primary key (tenant_id, import_id, row),
        foreign key (tenant_id, import_id) references customer_imports (tenant_id, id) on delete cascade
      );
      create index customer_import_rows_action on customer_import_rows (tenant_id, import_id, action, row);

      ${tables.map(tenantRlsSql).join('\n')}
    `)
  }

  async down() {
    this.schema.raw('drop index customers_tenant_id_number; drop table customer_import_rows, customer_imports, customer_import_mappings')
  }
}
