import { AssertionError } from 'node:assert'
import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ErrorObject, ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import type { Assert } from '@japa/assert'
import { buildOpenApiDocument } from '#platform/openapi/document'
import type { OpenApiDocument, OpenApiOperation, OpenApiResponse, Schema } from '#platform/openapi/spec'

/**
 * Contract checks for functional tests: a response must have a status the OpenAPI document lists
 * for its operation and a body that its schema accepts (ajv, JSON Schema 2020-12, closed objects,
 * so an undocumented field fails). Typical use, right after a request:
 *
 *   const response = await client.get(`/api/v1/users/${id}`).header('authorization', org.auth)
 *   await matchesContract(response)
 */

/** The parts of a Japa api-client response the check reads (ApiResponse has them all). */
export interface ContractResponse {
  status(): number
  body(): unknown
  text(): string
  header(key: string): string | undefined
  request: { config: { method: string; endpoint: string } }
}

/** An operation named by method and path template, e.g. `{ method: 'GET', path: '/api/v1/users/{id}' }`. */
export interface OperationTarget {
  method: string
  path: string
}

const COMPONENTS_ID = 'https://contract.local/components.json'

/** The document with its compiled validators; built once per test process. */
class Contract {
  readonly doc: OpenApiDocument = buildOpenApiDocument()
  readonly ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true })
  readonly #validators = new Map<string, ValidateFunction>()
  readonly #templates: Array<{ path: string; pattern: RegExp; params: number }>

  constructor() {
    addFormats.default(this.ajv)
    this.ajv.addSchema({ $id: COMPONENTS_ID, $defs: pointRefs(this.doc.components.schemas, '#/$defs/') as Schema })
    this.#templates = Object.keys(this.doc.paths)
      .map((path) => ({
        path,
        pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`),
        params: (path.match(/\{/g) ?? []).length,
      }))
      .sort((a, b) => a.params - b.params)
  }

  /** The operation a request hit, found by matching the path templates (static ones first). */
  find(method: string, url: string): { path: string; operation: OpenApiOperation } | null {
    const pathname = new URL(url, 'http://contract.local').pathname
    for (const { path, pattern } of this.#templates) {
      const operation = this.doc.paths[path][method.toLowerCase()]
      if (operation && pattern.test(pathname)) return { path, operation }
    }
    return null
  }

  /** A validator for a schema of the document (refs point into the components). */
  validator(key: string, schema: Schema): ValidateFunction {
    let validate = this.#validators.get(key)
    if (!validate) {
      validate = this.ajv.compile(pointRefs(schema, `${COMPONENTS_ID}#/$defs/`) as Schema)
      this.#validators.set(key, validate)
    }
    return validate
  }

  /** A response object, following a `$ref` into `components.responses`. */
  response(response: OpenApiResponse | { $ref: string } | undefined): OpenApiResponse | undefined {
    if (response && '$ref' in response) return this.doc.components.responses[response.$ref.split('/').pop()!]
    return response
  }
}

let contract: Contract | null = null

/** The shared contract (document, ajv instance, operation lookup). */
export function openApiContract(): Contract {
  contract ??= new Contract()
  return contract
}

/** Everything wrong with a response against the document; empty when it matches. */
export function contractProblems(response: ContractResponse, target?: OperationTarget): string[] {
  const c = openApiContract()
  const method = (target?.method ?? response.request.config.method).toUpperCase()
  const found = target
    ? c.doc.paths[target.path]?.[method.toLowerCase()] && { path: target.path, operation: c.doc.paths[target.path][method.toLowerCase()] }
    : c.find(method, response.request.config.endpoint)
  if (!found) return [`no documented operation for ${method} ${target?.path ?? response.request.config.endpoint}`]

  const { operation } = found
  const status = String(response.status())
  const documented = c.response(operation.responses[status] ?? operation.responses[`${status[0]}XX`])
  if (!documented) {
    return [`${operation.operationId} answered ${status}, which is not documented (documented: ${Object.keys(operation.responses).join(', ')}); body: ${snippet(response)}`]
  }
  const media = Object.keys(documented.content ?? {})
  if (media.length === 0) {
    return response.text() ? [`${operation.operationId} ${status} is documented without a body but answered: ${snippet(response)}`] : []
  }
  const type = (response.header('content-type') ?? '').split(';')[0].trim()
  if (!media.includes(type)) return [`${operation.operationId} ${status} answered content-type "${type}", documented: ${media.join(', ')}`]
  if (type !== 'application/json') return []
  const validate = c.validator(`${operation.operationId} ${status}`, documented.content![type].schema)
  if (validate(response.body())) return []
  return describe(validate.errors).map((e) => `${operation.operationId} ${status}: ${e}`).concat(`body: ${snippet(response)}`)
}

/** Fails the test unless the response matches the document (counts as one Japa assertion). */
export function assertMatchesOpenApi(assert: Assert, response: ContractResponse, target?: OperationTarget) {
  const problems = contractProblems(response, target)
  assert.deepEqual(problems, [], `the ${response.request.config.method} ${response.request.config.endpoint} answer does not match the OpenAPI document`)
}

/** The one-liner for any functional test: `await matchesContract(response)`; throws on a mismatch. */
export async function matchesContract(response: ContractResponse, target?: OperationTarget): Promise<void> {
  const problems = contractProblems(response, target)
  if (problems.length) {
    throw new AssertionError({ message: `Response does not match the OpenAPI document:\n  ${problems.join('\n  ')}` })
  }
}

/** What the documented request body schema says about a payload; empty when it accepts it. */
export function requestBodyProblems(target: OperationTarget, body: unknown): string[] {
  const c = openApiContract()
  const operation = c.doc.paths[target.path]?.[target.method.toLowerCase()]
  const schema = operation?.requestBody?.content['application/json']?.schema
  if (!operation || !schema) return [`${target.method} ${target.path} documents no JSON request body`]
  const validate = c.validator(`${operation.operationId} request`, schema)
  return validate(body) ? [] : describe(validate.errors)
}

function describe(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : ''
    return `${e.instancePath || '/'} ${e.message ?? e.keyword}${extra}`
  })
}

function snippet(response: ContractResponse): string {
  const text = response.text() ?? ''
  return text.length > 400 ? `${text.slice(0, 400)}…` : text
}

/** A deep copy whose `#/components/schemas/X` refs point at `<prefix>X`. */
function pointRefs(value: unknown, prefix: string): unknown {
  if (Array.isArray(value)) return value.map((v) => pointRefs(v, prefix))
  if (value === null || typeof value !== 'object') return value
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      key === '$ref' && typeof v === 'string' ? v.replace('#/components/schemas/', prefix) : pointRefs(v, prefix),
    ])
  )
}
