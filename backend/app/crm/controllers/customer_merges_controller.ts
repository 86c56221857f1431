import type { HttpContext } from '@adonisjs/core/http'
import { mergeCustomers } from '#crm/actions/merge'
import { type Customer, maskIdNumber, viewerOf } from '#crm/queries/customer_query'
import { findDuplicates, listMerges } from '#crm/queries/duplicates_query'
import { mergeCustomerValidator } from '#crm/validators/merge'

/** The operation-log summary of a customer: no contact details, the ID number masked. */
function auditOf(customer: Customer) {
  return { id: customer.id, name: customer.name, ownerId: customer.ownerId, tags: customer.tags, idNumber: maskIdNumber(customer.idNumber), phones: customer.phones.length, emails: customer.emails.length }
}

/** Possible duplicates of a customer, merging one into it, and what was merged into it. */
export default class CustomerMergesController {
  async duplicates({ scope, user, params }: HttpContext) {
    return { data: await findDuplicates(scope, viewerOf(user), params.id) }
  }

  async merge(ctx: HttpContext) {
    const { duplicateId } = await ctx.request.validateUsing(mergeCustomerValidator)
    const { before, after, merged } = await mergeCustomers(ctx.scope, viewerOf(ctx.user), ctx.params.id, duplicateId)
    ctx.audit = { targetType: 'customer', targetId: after.id, before: { ...auditOf(before), merged: auditOf(merged) }, after: auditOf(after) }
    return { data: after }
  }

  async merges({ scope, user, params }: HttpContext) {
    return { data: await listMerges(scope, viewerOf(user), params.id) }
  }
}
