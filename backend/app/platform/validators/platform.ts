import vine from '@vinejs/vine'
import { email, page, perPage } from '#shared/rules'

export const operatorLoginValidator = vine.create({
  email: email(),
  password: vine.string().maxLength(128),
})

export const tenantListValidator = vine.create({
  search: vine.string().trim().maxLength(120).optional(),
  page: page(),
  perPage: perPage(),
})
