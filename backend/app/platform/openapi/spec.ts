/**
 * The vocabulary the OpenAPI files are written in: JSON Schema objects, per-route operation specs
 * and the small builders (`ref`, `data`, `list`, `page`) that keep envelopes out of copy-paste.
 */

/** A JSON Schema (2020-12, the dialect of OpenAPI 3.1). */
export type Schema = { [keyword: string]: unknown }

/** Named schemas of one domain, merged into `components.schemas`. */
export type SchemaMap = Record<string, Schema>

/** Tags of the document, one area of the API each. */
export type Tag =
  | 'Sessions'
  | 'Users'
  | 'Roles'
  | 'Teams'
  | 'Operation log'
  | 'Jobs'
  | 'Agent'
  | 'Agents'
  | 'Queues'
  | 'Calls'
  | 'Web calls'
  | 'Voice'
  | 'Customers'
  | 'Workspace'
  | 'Organisation'
  | 'Data center'
  | 'Platform'
  | 'Meta'
  | 'Development'

/** Error answers an operation can give beyond those derived from its access rule and inputs. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 423 | 429 | 503

/** The success answer of an operation. */
export type Success =
  | { status: 200 | 201 | 202; media: 'application/json'; schema: Schema; description: string }
  | { status: 200; media: 'text/csv' | 'text/html' | 'audio/wav' | 'application/x-ndjson'; description: string }
  | { status: 204; description: string }

/** What is written by hand for one route; the rest (path, security, permission) comes from the router. */
export interface OperationSpec {
  summary: string
  description?: string
  tag: Tag
  /** Query parameters: inline schemas or `$ref`s to `components.parameters`. */
  query?: Array<QueryParameter | { $ref: string }>
  /** Name of the request schema in `components.schemas`. */
  body?: string
  /** Name of the schema of a `multipart/form-data` request (uploads) in `components.schemas`. */
  multipart?: string
  success: Success
  errors?: ErrorStatus[]
  /** A 422 that can also be a coded `{ error }` answer (e.g. a wrong one-time code). */
  codedUnprocessable?: boolean
}

/** One query parameter of a list route. */
export interface QueryParameter {
  name: string
  description: string
  schema: Schema
}

/** Operation specs of one domain, keyed by route name (the operationId). */
export type OperationMap = Record<string, OperationSpec>

/** A `$ref` to a named schema. */
export function ref(name: string): Schema {
  return { $ref: `#/components/schemas/${name}` }
}

/** A closed object: every listed property is required unless named in `optional`. */
export function object(properties: Record<string, Schema>, optional: string[] = []): Schema {
  return {
    type: 'object',
    required: Object.keys(properties).filter((key) => !optional.includes(key)),
    additionalProperties: false,
    properties,
  }
}

/** A request body: a closed object whose properties are optional unless named in `required`. */
export function input(properties: Record<string, Schema>, required: string[] = []): Schema {
  return { type: 'object', required, additionalProperties: false, properties }
}

/** The same schema or JSON null (OpenAPI 3.1 spells nullable as a type union). */
export function nullable(schema: Schema): Schema {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] }
  return { anyOf: [schema, { type: 'null' }] }
}

/** `{ data: <schema> }`. */
export function data(name: string): Schema {
  return object({ data: ref(name) })
}

/** `{ data: <schema>[] }`. */
export function list(name: string): Schema {
  return object({ data: { type: 'array', items: ref(name) } })
}

/** `{ data: <schema>[], meta: PageMeta }`. */
export function page(name: string): Schema {
  return object({ data: { type: 'array', items: ref(name) }, meta: ref('PageMeta') })
}

/** A JSON success answer. */
export function json(status: 200 | 201 | 202, schema: Schema, description: string): Success {
  return { status, media: 'application/json', schema, description }
}

/** A 204 success answer. */
export function noContent(description = 'Done; no body'): Success {
  return { status: 204, description }
}

/** A query parameter. */
export function query(name: string, schema: Schema, description: string): QueryParameter {
  return { name, schema, description }
}

/** A `$ref` to a shared parameter (`Page`, `PerPage`). */
export function parameter(name: string) {
  return { $ref: `#/components/parameters/${name}` }
}

/** One response of an operation (or of `components.responses`). */
export interface OpenApiResponse {
  description: string
  headers?: object
  content?: Record<string, { schema: Schema }>
}

/** A parameter object (path or query). */
export interface OpenApiParameter {
  name: string
  in: 'path' | 'query'
  required: boolean
  description: string
  schema: Schema
}

/** An operation as the document states it. */
export interface OpenApiOperation {
  operationId: string
  summary: string
  description: string
  tags: string[]
  parameters?: Array<OpenApiParameter | { $ref: string }>
  requestBody?: { required: boolean; content: Record<string, { schema: Schema }> }
  responses: Record<string, OpenApiResponse | { $ref: string }>
  security: Array<Record<string, string[]>>
  'x-access': 'public' | 'tenant' | 'operator' | 'unknown'
  'x-permission': string | null
  'x-undocumented'?: true
}

/** The OpenAPI 3.1 document served at /api/openapi.json. */
export interface OpenApiDocument {
  openapi: '3.1.0'
  info: { title: string; version: string; description: string }
  tags: Array<{ name: string; description: string }>
  'x-tagGroups': Array<{ name: string; tags: string[] }>
  paths: Record<string, Record<string, OpenApiOperation>>
  components: {
    schemas: SchemaMap
    responses: Record<string, OpenApiResponse>
    parameters: Record<string, OpenApiParameter>
    securitySchemes: Record<string, object>
  }
}
