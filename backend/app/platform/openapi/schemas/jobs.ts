import { input, nullable, object, ref, type SchemaMap } from '#platform/openapi/spec'

const when = { type: 'string', anyOf: [{ format: 'date' }, { format: 'date-time' }] }

/** Background jobs (app/jobs/jobs.ts JobResource) and the requests that start them. */
export const jobSchemas: SchemaMap = {
  Job: object({
    id: ref('Uuid'),
    kind: { type: 'string', description: 'What the job does, e.g. `audit.export`' },
    status: { type: 'string', enum: ['queued', 'running', 'succeeded', 'failed'] },
    progress: object({
      done: { type: 'integer', minimum: 0 },
      total: nullable({ type: 'integer', minimum: 0 }),
      percent: nullable({ type: 'integer', minimum: 0, maximum: 100, description: 'Null until the total is known' }),
    }),
    result: nullable({ type: 'object', description: 'What the job produced (e.g. `rows`, `fileName`)' }),
    error: nullable({ type: 'string' }),
    createdAt: { type: 'string', format: 'date-time' },
    startedAt: nullable({ type: 'string', format: 'date-time' }),
    finishedAt: nullable({ type: 'string', format: 'date-time' }),
    downloadable: { type: 'boolean', description: 'True when `GET /jobs/{id}/download` has a file' },
  }),
  AuditExportRequest: input({
    actor: { type: 'string', maxLength: 254 },
    action: { type: 'string', maxLength: 120 },
    result: { type: 'string', enum: ['success', 'failure'] },
    from: when,
    to: when,
  }),
}
