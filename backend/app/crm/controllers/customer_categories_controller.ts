import type { HttpContext } from '@adonisjs/core/http'
import {
  createCategoryGroup,
  createCategoryValue,
  deleteCategoryGroup,
  deleteCategoryValue,
  setCustomerCategories,
  updateCategoryGroup,
  updateCategoryValue,
} from '#crm/actions/categories'
import { findCategoryGroup, findCategoryValue, listCategoryGroups } from '#crm/queries/category_query'
import { viewerOf } from '#crm/queries/customer_query'
import {
  categoryGroupValidator,
  categoryValueValidator,
  customerCategoriesValidator,
  updateCategoryGroupValidator,
  updateCategoryValueValidator,
} from '#crm/validators/classification'

/** Category groups with their values, and the values a customer has. */
export default class CustomerCategoriesController {
  async index({ scope }: HttpContext) {
    return { data: await listCategoryGroups(scope) }
  }

  async storeGroup(ctx: HttpContext) {
    const input = await ctx.request.validateUsing(categoryGroupValidator)
    const created = await createCategoryGroup(ctx.scope, input)
    ctx.audit = { targetType: 'customer_category_group', targetId: created.id, after: { ...created } }
    return ctx.response.created({ data: created })
  }

  async updateGroup(ctx: HttpContext) {
    const before = await findCategoryGroup(ctx.scope, ctx.params.id)
    const input = await ctx.request.validateUsing(updateCategoryGroupValidator)
    const after = await updateCategoryGroup(ctx.scope, ctx.params.id, input)
    ctx.audit = { targetType: 'customer_category_group', targetId: after.id, before: { ...before }, after: { ...after } }
    return { data: after }
  }

  async destroyGroup(ctx: HttpContext) {
    const before = await deleteCategoryGroup(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'customer_category_group', targetId: before.id, before: { ...before } }
    return ctx.response.noContent()
  }

  async storeValue(ctx: HttpContext) {
    await findCategoryGroup(ctx.scope, ctx.params.id)
    const input = await ctx.request.validateUsing(categoryValueValidator)
    const created = await createCategoryValue(ctx.scope, ctx.params.id, input)
    ctx.audit = { targetType: 'customer_category_value', targetId: created.id, after: { ...created } }
    return ctx.response.created({ data: created })
  }

  async updateValue(ctx: HttpContext) {
    const before = await findCategoryValue(ctx.scope, ctx.params.id)
    const input = await ctx.request.validateUsing(updateCategoryValueValidator)
    const after = await updateCategoryValue(ctx.scope, ctx.params.id, input)
    ctx.audit = { targetType: 'customer_category_value', targetId: after.id, before: { ...before }, after: { ...after } }
    return { data: after }
  }

  async destroyValue(ctx: HttpContext) {
    const before = await deleteCategoryValue(ctx.scope, ctx.params.id)
    ctx.audit = { targetType: 'customer_category_value', targetId: before.id, before: { ...before } }
    return ctx.response.noContent()
  }

  async assign(ctx: HttpContext) {
    const { valueIds } = await ctx.request.validateUsing(customerCategoriesValidator)
    const { before, after, added, removed } = await setCustomerCategories(ctx.scope, viewerOf(ctx.user), ctx.params.id, valueIds)
    ctx.audit = {
      targetType: 'customer',
      targetId: after.id,
      before: { categories: before.categories.map((c) => c.id) },
      after: { categories: after.categories.map((c) => c.id), added, removed },
    }
    return { data: after }
  }
}
