import { createHash } from 'node:crypto'
import { FieldError } from '#shared/errors'
import type { CustomerField } from '#crm/actions/customer_fields'

/** What a column of an import file becomes. */
export type ImportTarget =
  | 'name'
  | 'kind'
  | 'phone'
  | 'email'
  | 'address'
  | 'idNumber'
  | 'owner'
  | 'source'
  | 'status'
  | 'tags'
  | 'notes'
  | `custom:${string}`

/** One mapped column: its index in the file and its target. */
export interface ColumnMapping {
  column: number
  target: ImportTarget
}

export const STANDARD_TARGETS = ['name', 'kind', 'phone', 'email', 'address', 'idNumber', 'owner', 'source', 'status', 'tags', 'notes'] as const

/** Targets several columns may share (a customer has several numbers and addresses). */
const REPEATABLE = new Set<string>(['phone', 'email', 'address'])

/** Header names people use for each target, in English and Chinese, normalised (see `normalise`). */
const SYNONYMS: Record<(typeof STANDARD_TARGETS)[number], string[]> = {
  name: ['name', 'fullname', 'customer', 'customername', 'contact', 'contactname', 'company', 'companyname', '姓名', '名称', '客户', '客户名称', '客户姓名', '联系人', '公司', '公司名称', '单位名称'],
  kind: ['kind', 'type', 'customertype', '类型', '客户类型', '类别'],
  phone: ['phone', 'phones', 'mobile', 'mobilephone', 'cell', 'cellphone', 'tel', 'telephone', 'phonenumber', 'mobilenumber', 'workphone', 'homephone', '手机', '手机号', '手机号码', '电话', '电话号码', '联系电话', '座机', '固定电话', '办公电话'],
  email: ['email', 'emails', 'mail', 'emailaddress', '邮箱', '电子邮件', '电子邮箱', '邮件', '邮箱地址'],
  address: ['address', 'addresses', 'postaladdress', 'street', 'streetaddress', 'mailingaddress', 'homeaddress', 'workaddress', '地址', '联系地址', '通讯地址', '家庭地址', '公司地址', '详细地址', '收货地址'],
  idNumber: ['idnumber', 'idno', 'idcard', 'documentnumber', 'passport', 'passportnumber', 'nationalid', '身份证', '身份证号', '身份证号码', '证件号', '证件号码'],
  owner: ['owner', 'owneremail', 'manager', 'accountmanager', '负责人', '客户经理', '归属人', '所属人'],
  source: ['source', 'channel', 'leadsource', '来源', '渠道', '客户来源'],
  status: ['status', '状态', '客户状态'],
  tags: ['tags', 'tag', 'labels', 'label', '标签'],
  notes: ['notes', 'note', 'remarks', 'remark', 'comment', 'comments', 'description', '备注', '说明', '描述'],
}

/** Header text compared without case, spaces or punctuation. */
function normalise(header: string) {
  return header.toLowerCase().replace(/[\s\-_.:：/()（）#*]/g, '')
}

/**
 * The key under which a mapping is remembered: the file's headers, normalised, in order. A file
 * with the same columns gets the same mapping next time.
 */
export function headerSignature(headers: string[]) {
  return createHash('sha256').update(headers.map(normalise).join('\u001f')).digest('hex')
}

/** A first mapping from the header names: standard synonyms, then custom fields by key or label. */
export function guessMapping(headers: string[], fields: CustomerField[]): ColumnMapping[] {
  const mapping: ColumnMapping[] = []
  const taken = new Set<string>()
  headers.forEach((header, column) => {
    const key = normalise(header)
    let target: ImportTarget | undefined = STANDARD_TARGETS.find((t) => SYNONYMS[t].includes(key))
    if (!target) {
      const field = fields.find((f) => normalise(f.key) === key || normalise(f.label) === key)
      if (field) target = `custom:${field.key}`
    }
    if (!target || (taken.has(target) && !REPEATABLE.has(target))) return
    taken.add(target)
    mapping.push({ column, target })
  })
  return mapping
}

/**
 * Checks a mapping against the file's columns and the tenant's fields: every column in range and
 * mapped once, every target known, name mapped, only phone, e-mail and address on several columns.
 */
export function checkMapping(mapping: ColumnMapping[], columns: number, fields: CustomerField[]) {
  const seenColumns = new Set<number>()
  const seenTargets = new Set<string>()
  const keys = new Set(fields.map((f) => f.key))
  mapping.forEach(({ column, target }, i) => {
    if (column >= columns) throw new FieldError(`mapping.${i}.column`, 'range', `The file has ${columns} columns`)
    if (seenColumns.has(column)) throw new FieldError(`mapping.${i}.column`, 'distinct', 'This column is mapped twice')
    seenColumns.add(column)
    const known = (STANDARD_TARGETS as readonly string[]).includes(target) || (target.startsWith('custom:') && keys.has(target.slice(7)))
    if (!known) throw new FieldError(`mapping.${i}.target`, 'exists', `There is no customer field "${target}"`)
    if (seenTargets.has(target) && !REPEATABLE.has(target)) throw new FieldError(`mapping.${i}.target`, 'distinct', `Only one column can be imported as ${target}`)
    seenTargets.add(target)
  })
  if (!seenTargets.has('name')) throw new FieldError('mapping', 'name', 'Map one column to the customer name')
}
