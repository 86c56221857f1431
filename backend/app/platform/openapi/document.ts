import router from '@adonisjs/core/services/router'
import { routeAccess, type RouteAccess } from '#shared/route_guard'
import { commonSchemas, errorResponses, ERROR_RESPONSE_OF, securitySchemes, sharedParameters } from '#platform/openapi/schemas/common'
import { identitySchemas } from '#platform/openapi/schemas/identity'
import { tenancySchemas } from '#platform/openapi/schemas/tenancy'
import { platformSchemas } from '#platform/openapi/schemas/platform'
import { jobSchemas } from '#platform/openapi/schemas/jobs'
import { contactCenterSchemas } from '#platform/openapi/schemas/contact_center'
import { voiceSchemas } from '#platform/openapi/schemas/voice'
import { crmSchemas } from '#platform/openapi/schemas/crm'
import { crmClassificationSchemas } from '#platform/openapi/schemas/crm_classification'
import { crmCareSchemas } from '#platform/openapi/schemas/crm_care'
import { workspaceSchemas } from '#platform/openapi/schemas/workspace'
import { callbackSchemas } from '#platform/openapi/schemas/callbacks'
import { datacenterSchemas } from '#platform/openapi/schemas/datacenter'
import { authOperations } from '#platform/openapi/operations/auth'
import { directoryOperations } from '#platform/openapi/operations/directory'
import { tenancyOperations } from '#platform/openapi/operations/tenancy'
import { platformOperations } from '#platform/openapi/operations/platform'
import { jobOperations } from '#platform/openapi/operations/jobs'
import { contactCenterOperations } from '#platform/openapi/operations/contact_center'
import { voiceOperations } from '#platform/openapi/operations/voice'
import { crmOperations } from '#platform/openapi/operations/crm'
import { crmClassificationOperations } from '#platform/openapi/operations/crm_classification'
import { crmCareOperations } from '#platform/openapi/operations/crm_care'
import { workspaceOperations } from '#platform/openapi/operations/workspace'
import { callbackOperations } from '#platform/openapi/operations/callbacks'
import { datacenterOperations } from '#platform/openapi/operations/datacenter'
import type {
  ErrorStatus,
  OpenApiDocument,
  OpenApiOperation,
  OpenApiParameter,
  OpenApiResponse,
  OperationSpec,
  SchemaMap,
  Tag,
} from '#platform/openapi/spec'

const OPERATIONS = merge(authOperations, directoryOperations, tenancyOperations, platformOperations, jobOperations, contactCenterOperations, voiceOperations, crmOperations, crmClassificationOperations, crmCareOperations, workspaceOperations, callbackOperations, datacenterOperations)
const SCHEMAS: SchemaMap = merge(commonSchemas, identitySchemas, tenancySchemas, platformSchemas, jobSchemas, contactCenterSchemas, voiceSchemas, crmSchemas, crmClassificationSchemas, crmCareSchemas, workspaceSchemas, callbackSchemas, datacenterSchemas)

const TAGS: Record<Tag, string> = {
  'Sessions': 'Sign-in, sign-out, password links and two-factor settings',
  'Users': 'The organisation’s users and their account switches',
  'Roles': 'Roles and the permission catalog',
  'Teams': 'Teams, supervisors and members',
  'Operation log': 'Who did what, when, from where',
  'Jobs': 'Long work (exports, imports, reports) running in the background, with progress',
  'Agent': 'The signed-in agent’s own ACD controls: state, offers, call control (hold, mute, transfer, DTMF, recording, disposition)',
  'Agents': 'Supervisors’ controls over agents: live states, force state, lock, skills',
  'Queues': 'Queues, their routing settings, members and required skills',
  'Calls': 'Live and past calls, and supervisors stepping in: monitor, whisper, barge, intercept, force release',
  'Web calls': 'The public “call us” widget: a visitor’s browser starts a call without a phone line',
  'Voice': 'Phone numbers, web-call widgets, IVR menus, prompts, voice settings, recordings, and voice vendors calling in (webhooks)',
  'Customers': 'Customer records (own, team or all by permission), the caller match for the screen pop, and custom fields',
  'Workspace': 'Announcements to the organisation or chosen teams with their acknowledgements, each user’s own reminders, and scheduled callbacks',
  'Organisation': 'Signup, organisation settings and trusted certificate authorities',
  'Data center': 'KPIs from the analytics store with the organisation’s KPI settings, and the calls behind each number',
  'Platform': 'The platform operators’ console (operator tokens only)',
  'Meta': 'Health and this description',
  'Development': 'Helpers that exist outside production only',
}

const TAG_GROUPS = [
  { name: 'Identity', tags: ['Sessions', 'Users', 'Roles', 'Teams', 'Operation log'] },
  { name: 'Work', tags: ['Jobs'] },
  { name: 'Contact center', tags: ['Agent', 'Agents', 'Queues', 'Calls', 'Web calls', 'Voice'] },
  { name: 'CRM', tags: ['Customers'] },
  { name: 'Workspace', tags: ['Workspace'] },
  { name: 'Tenancy', tags: ['Organisation'] },
  { name: 'Analytics', tags: ['Data center'] },
  { name: 'Platform', tags: ['Platform', 'Meta', 'Development'] },
]

const INTRO = [
  'The REST API of the contact-center platform. Every organisation (tenant) sees only its own data.',
  '',
  '**Tokens.** Tenant routes take `Authorization: Bearer cc1.…` from `POST /api/v1/auth/login` or signup; ' +
    'platform routes take `Bearer ccp1.…` from `POST /api/v1/platform/auth/login`. Each operation names the one ' +
    'permission it needs (`x-permission`); a missing one answers 403.',
  '',
  '**Errors.** Bad input answers 422 `{ "errors": [{ "field", "rule", "message" }] }`; every other failure ' +
    'answers `{ "error": { "code", "message" } }` with a stable `code`. An id of another organisation answers 404 ' +
    'exactly like a missing one.',
  '',
  '**Lists.** Paged lists answer `{ "data": [...], "meta": { total, perPage, currentPage, lastPage } }`.',
].join('\n')

/** Route names the document has a hand-written description for (a stale one is a test failure). */
export function documentedOperationIds(): string[] {
  return Object.keys(OPERATIONS)
}

/** Builds the OpenAPI 3.1 document from the router, the route access rules and the declared schemas. */
export function buildOpenApiDocument(): OpenApiDocument {
  const access = routeAccess()
  const paths: OpenApiDocument['paths'] = {}
  for (const routes of Object.values(router.toJSON())) {
    for (const route of routes) {
      for (const method of route.methods) {
        if (method === 'HEAD') continue
        const path = route.pattern.replace(/:(\w+)/g, '{$1}')
        paths[path] ??= {}
        paths[path][method.toLowerCase()] = operation(route.name ?? `${method} ${route.pattern}`, route.pattern, access.get(`${method} ${route.pattern}`))
      }
    }
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Contact center platform API', version: '1.0.0', description: INTRO },
    tags: Object.entries(TAGS).map(([name, description]) => ({ name, description })),
    'x-tagGroups': TAG_GROUPS,
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
    components: { schemas: SCHEMAS, responses: errorResponses, parameters: sharedParameters, securitySchemes },
  }
}

function operation(operationId: string, pattern: string, access: RouteAccess | undefined): OpenApiOperation {
  const spec = OPERATIONS[operationId]
  const pathParams = [...pattern.matchAll(/:(\w+)/g)].map((m) => m[1])
  const guard = guardOf(access)
  if (!spec) {
    return { operationId, summary: 'Undocumented route', description: guard.sentence, tags: [], responses: {}, ...guard.fields, 'x-undocumented': true }
  }
  const parameters = [
    ...pathParams.map((name) => (name === 'id' ? { $ref: '#/components/parameters/Id' } : pathParameter(name))),
    ...(spec.query ?? []).map((q) => ('$ref' in q ? q : { name: q.name, in: 'query' as const, required: false, description: q.description, schema: q.schema })),
  ]
  return {
    operationId,
    summary: spec.summary,
    description: [spec.description, guard.sentence].filter(Boolean).join('\n\n'),
    tags: [spec.tag],
    ...(parameters.length ? { parameters } : {}),
    ...(spec.body ? { requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${spec.body}` } } } } } : {}),
    ...(spec.multipart ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: { $ref: `#/components/schemas/${spec.multipart}` } } } } } : {}),
    responses: responses(spec, access, pathParams.length > 0),
    ...guard.fields,
  }
}

/** The success answer and every error answer, in status order. */
function responses(spec: OperationSpec, access: RouteAccess | undefined, hasPathParams: boolean) {
  const statuses = new Set<ErrorStatus>(spec.errors ?? [])
  if (spec.body || spec.query) statuses.add(422)
  if (hasPathParams) statuses.add(404)
  if (access?.kind === 'tenant' || access?.kind === 'operator') statuses.add(401)
  if (access?.kind === 'tenant' && access.permission) statuses.add(403)

  const result: Record<string, OpenApiResponse | { $ref: string }> = { [spec.success.status]: successResponse(spec) }
  for (const status of [...statuses].sort((a, b) => a - b)) {
    const name = status === 422 && spec.codedUnprocessable ? 'CodedUnprocessable' : ERROR_RESPONSE_OF[status]
    result[status] = { $ref: `#/components/responses/${name}` }
  }
  return result
}

function successResponse({ success }: OperationSpec): OpenApiResponse {
  if (success.status === 204) return { description: success.description }
  if ('schema' in success) return { description: success.description, content: { [success.media]: { schema: success.schema } } }
  return { description: success.description, content: { [success.media]: { schema: { type: 'string' } } } }
}

function guardOf(access: RouteAccess | undefined) {
  const permission = access?.kind === 'tenant' ? access.permission : null
  switch (access?.kind) {
    case 'public':
      return { sentence: 'Public: no token needed.', fields: { security: [], 'x-access': 'public' as const, 'x-permission': null } }
    case 'operator':
      return { sentence: 'Platform operators only (`ccp1.` token).', fields: { security: [{ operatorBearer: [] }], 'x-access': 'operator' as const, 'x-permission': null } }
    case 'tenant':
      return {
        sentence: permission ? `Requires the permission \`${permission}\`.` : 'Any signed-in user of the organisation.',
        fields: { security: [{ tenantBearer: [] }], 'x-access': 'tenant' as const, 'x-permission': permission },
      }
    default:
      return { sentence: 'No access rule is declared for this route.', fields: { security: [], 'x-access': 'unknown' as const, 'x-permission': null } }
  }
}

function pathParameter(name: string): OpenApiParameter {
  return { name, in: 'path', required: true, description: name, schema: { type: 'string' } }
}

/** Merges per-domain maps; a name declared twice is a mistake worth failing on at boot. */
function merge<T>(...maps: Array<Record<string, T>>): Record<string, T> {
  const merged: Record<string, T> = {}
  for (const map of maps) {
    for (const [key, value] of Object.entries(map)) {
      if (key in merged) throw new Error(`OpenAPI: "${key}" is declared twice`)
      merged[key] = value
    }
  }
  return merged
}
