import type { HttpContext } from '@adonisjs/core/http'
import { createCustomerField, deleteCustomerField, findCustomerField, listCustomerFields, updateCustomerField } from '#crm/actions/customer_fields'
import { customerFieldValidator, updateCustomerFieldValidator } from '#crm/validators/customers'

/** The organisation's custom fields of customers. */
export default class CustomerFieldsController {
  async index({ scope }: HttpContext) {
    return { data: await listCustomerFields(scope) }
  }

  async store(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(customerFieldValidator)
    const created = await createCustomerField(ctx.scope, input)
    ctx.audit = { targetType: 'customer_field', targetId: created.id, after: { ...created } }
    return ctx.response.created({ data: created })
  }

  async update(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(updateCustomerFieldValidator)
    const before = await findCustomerField(ctx.scope, ctx.params.id)
    const after = await updateCustomerField(ctx.scope, ctx.params.id, input)
    ctx.audit = { targetType: 'customer_field', targetId: after.id, before: { ...before }, after: { ...after } }
    return { data: after }
  }

  async destroy(ctx: HttpContext) {
    const before = await deleteCustomerField(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'customer_field', targetId: before.id, before: { ...before } }
    return ctx.response.noContent()
  }
}
