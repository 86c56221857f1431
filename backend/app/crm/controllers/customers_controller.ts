import type { HttpContext } from '@adonisjs/core/http'
import { createCustomer, deleteCustomer, matchCallerNumber, updateCustomer } from '#crm/actions/customers'
import { type Customer, findCustomer, listCustomers, maskIdNumber, viewerOf } from '#crm/queries/customer_query'
import { createCustomerValidator, customerListValidator, customerMatchValidator, updateCustomerValidator } from '#crm/validators/customers'

/** The operation-log summary of a customer: no contact details, the ID number masked. */
function auditOf(customer: Customer) {
  return {
    name: customer.name,
    kind: customer.kind,
    ownerId: customer.ownerId,
    status: customer.status,
    tags: customer.tags,
    idNumber: maskIdNumber(customer.idNumber),
    phones: customer.phones.length,
    emails: customer.emails.length,
  }
}

/** Customers the signed-in user sees (own, their teams', or all), and the caller match. */
export default class CustomersController {
  async index(ctx: HttpContext) {
    const filters = await ctx.request.validateUsing(customerListValidator, { data: ctx.request.qs() })
    return listCustomers(ctx.scope, viewerOf(ctx.user), filters)
  }

  async show({ scope, user, params }: HttpContext) {
    return { data: await findCustomer(scope, viewerOf(user), params.id) }
  }

  async match(ctx: HttpContext) {
    const { number } = await ctx.request.validateUsing(customerMatchValidator, { data: ctx.request.qs() })
    return { data: await matchCallerNumber(ctx.scope, viewerOf(ctx.user), number) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(createCustomerValidator)
    const created = await createCustomer(ctx.scope, viewerOf(ctx.user), input)
    ctx.audit = { targetType: 'customer', targetId: created.id, after: auditOf(created) }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateCustomerValidator)
    const viewer = viewerOf(ctx.user)
    const before = await findCustomer(ctx.scope, viewer, ctx.params.id)
    const after = await updateCustomer(ctx.scope, viewer, ctx.params.id, input)
    ctx.audit = { targetType: 'customer', targetId: after.id, before: auditOf(before), after: auditOf(after) }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const before = await deleteCustomer(ctx.scope, viewerOf(ctx.user), ctx.params.id)
    ctx.audit = { targetType: 'customer', targetId: before.id, before: auditOf(before) }
    return ctx.response.noContent()
  }
}
