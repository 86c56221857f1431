import { defineJobKind } from '#jobs/job_kinds'
import { permissionsOf } from '#identity/queries/session_query'
import { type CustomerListInput, matchingCustomerIds, viewerOf } from '#crm/queries/customer_query'
import { type ReclassifyChanges, reclassifyBatch } from '#crm/actions/reclassify'

const BATCH = 500

/**
 * Bulk re-classification: finds the customers matching the segment and/or the list's filters in
 * the owner's data scope when the job starts (so changes that take a customer out of the segment
 * do not stop the run), then changes them in batches of 500, each batch its own transaction that
 * re-checks the scope and locks its rows. Needs customers.manage.
 */
defineJobKind('customers.reclassify', {
  permission: 'customers.manage',
  async run(job) {
    const changes = job.params.changes as ReclassifyChanges
    const filters = { ...((job.params.filters ?? {}) as CustomerListInput), segmentId: (job.params.segmentId as string | null) ?? undefined }
    const viewer = await job.inScope(async (scope) => viewerOf({ id: scope.actor.id!, permissions: await permissionsOf(scope.trx, scope.tenantId, scope.actor.id!) }))
    const ids = await job.inScope((scope) => matchingCustomerIds(scope, viewer, filters))
    await job.progress(0, ids.length)
    let reached = 0
    let changed = 0
    for (let start = 0; start < ids.length; start += BATCH) {
      const outcome = await job.inScope((scope) => reclassifyBatch(scope, viewer, ids.slice(start, start + BATCH), changes, job.jobId))
      reached += outcome.reached
      changed += outcome.changed
      await job.progress(Math.min(start + BATCH, ids.length))
    }
    return { matched: ids.length, reached, changed }
  },
})
