import type { OpenApiDocument, OpenApiOperation, OpenApiParameter, OpenApiResponse, Schema } from '#platform/openapi/spec'

/**
 * Renders the document as one self-contained HTML page (no script, no external assets): operations
 * grouped by tag with method, path, permission, parameters, request and response schemas, then
 * every named schema. Server-side, so it needs no extra routes and works without JavaScript.
 */
export function renderDocsPage(doc: OpenApiDocument): string {
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op }))
  )
  const byTag = (tag: string) => operations.filter(({ op }) => (op.tags[0] ?? 'Undocumented') === tag)
  const tags = [...doc.tags, ...(byTag('Undocumented').length ? [{ name: 'Undocumented', description: 'Routes without a description' }] : [])]

  const nav = tags
    .map((tag) => `<li><a href="#tag-${slug(tag.name)}">${esc(tag.name)}</a> <small>${byTag(tag.name).length}</small></li>`)
    .join('')
  const sections = tags
    .map((tag) => {
      const ops = byTag(tag.name)
      if (ops.length === 0) return ''
      return `<section id="tag-${slug(tag.name)}"><h2>${esc(tag.name)}</h2><p class="muted">${esc(tag.description)}</p>${ops
        .map(({ path, method, op }) => renderOperation(doc, path, method, op))
        .join('')}</section>`
    })
    .join('')
  const schemas = Object.entries(doc.components.schemas)
    .map(([name, schema]) => `<section class="schema" id="schema-${slug(name)}"><h3>${esc(name)}</h3>${renderSchema(schema)}</section>`)
    .join('')

  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)}</title><style>${STYLE}</style></head>
<body><header><h1>${esc(doc.info.title)}</h1>
<p class="muted">Version ${esc(doc.info.version)} · OpenAPI ${esc(doc.openapi)} · ${operations.length} operations ·
<a href="/api/openapi.json">openapi.json</a></p>${markdown(doc.info.description)}</header>
<nav><ul>${nav}<li><a href="#schemas">Schemas</a></li></ul></nav>
<main>${sections}<section id="schemas"><h2>Schemas</h2>${schemas}</section></main></body></html>`
}

function renderOperation(doc: OpenApiDocument, path: string, method: string, op: OpenApiOperation) {
  const permission = op['x-permission']
    ? `<code class="perm">${esc(op['x-permission'])}</code>`
    : `<span class="access">${esc(ACCESS_LABEL[op['x-access']])}</span>`
  const params = (op.parameters ?? []).map((p) => ('$ref' in p ? doc.components.parameters[refName(p.$ref)] : p))
  const [bodyType, bodyContent] = Object.entries(op.requestBody?.content ?? {})[0] ?? []
  const body = bodyContent?.schema
  return `<details class="op" id="op-${slug(op.operationId)}"><summary><span class="method ${method}">${method.toUpperCase()}</span>
<code class="path">${esc(path)}</code><span class="summary">${esc(op.summary)}</span>${permission}</summary>
<div class="body"><p class="muted">operationId <code>${esc(op.operationId)}</code></p>${markdown(op.description)}
${params.length ? `<h4>Parameters</h4>${renderParameters(params)}` : ''}
${body ? `<h4>Request body <small>${esc(bodyType!)} · ${typeOf(body)}</small></h4>${renderSchema(expand(doc, body))}` : ''}
<h4>Responses</h4>${Object.entries(op.responses)
    .map(([status, response]) => renderResponse(status, '$ref' in response ? doc.components.responses[refName(response.$ref)] : response))
    .join('')}</div></details>`
}

function renderParameters(params: OpenApiParameter[]) {
  const rows = params
    .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${typeOf(p.schema)}</td><td>${p.required ? 'yes' : ''}</td><td>${esc(p.description)}${constraints(p.schema)}</td></tr>`)
    .join('')
  return `<table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Required</th><th>Notes</th></tr></thead><tbody>${rows}</tbody></table>`
}

const ACCESS_LABEL: Record<OpenApiOperation['x-access'], string> = {
  public: 'public',
  tenant: 'signed in',
  operator: 'operator',
  unknown: 'no access rule',
}

function renderResponse(status: string, response: OpenApiResponse | undefined) {
  if (!response) return `<div class="response"><span class="status">${esc(status)}</span> (unresolved)</div>`
  const media = Object.entries(response.content ?? {})
    .map(([type, { schema }]) =>
      schema.properties ? `<p class="muted">${esc(type)}</p>${renderSchema(schema)}` : ` <span class="muted">${esc(type)}:</span> ${typeOf(schema)}`
    )
    .join('')
  const cls = status.startsWith('2') ? 'ok' : 'err'
  return `<div class="response"><span class="status ${cls}">${esc(status)}</span> ${esc(response.description)}${media}</div>`
}

/** A schema as a property table when it is an object, otherwise as a one-line type. */
function renderSchema(schema: Schema): string {
  const properties = schema.properties as Record<string, Schema> | undefined
  const note = typeof schema.description === 'string' ? `<p>${inline(schema.description)}</p>` : ''
  if (!properties) return `${note}<p class="type">${typeOf(schema)}${constraints(schema)}</p>`
  const required = new Set((schema.required as string[] | undefined) ?? [])
  const rows = Object.entries(properties)
    .map(([name, prop]) => {
      const nested = prop.properties ? renderSchema(prop) : typeOf(prop)
      const text = typeof prop.description === 'string' ? inline(prop.description) : ''
      return `<tr><td><code>${esc(name)}</code></td><td>${nested}</td><td>${required.has(name) ? 'yes' : ''}</td><td>${text}${constraints(prop)}</td></tr>`
    })
    .join('')
  const closed = schema.additionalProperties === false ? '' : '<p class="muted">Other properties may appear.</p>'
  return `${note}<table><thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Notes</th></tr></thead><tbody>${rows}</tbody></table>${closed}`
}

/** A short type label with links to named schemas. */
function typeOf(schema: Schema): string {
  if (typeof schema.$ref === 'string') {
    const name = refName(schema.$ref)
    return `<a href="#schema-${slug(name)}">${esc(name)}</a>`
  }
  if ('const' in schema) return `<code>${esc(JSON.stringify(schema.const))}</code>`
  if (Array.isArray(schema.enum)) {
    if (schema.enum.length > 12) return `string, one of ${schema.enum.length} values`
    return schema.enum.map((v) => `<code>${esc(JSON.stringify(v))}</code>`).join(' | ')
  }
  const union = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined
  if (union && !schema.type) return union.map(typeOf).join(' or ')
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? 'any']
  return types
    .map((type) => {
      if (type === 'array') return `array of ${typeOf((schema.items as Schema | undefined) ?? {})}`
      const formats = union?.map((u) => u.format).filter(Boolean) ?? []
      const format = schema.format ?? (formats.length ? formats.join(' or ') : null)
      return `${esc(String(type))}${format && type === 'string' ? ` <small>(${esc(String(format))})</small>` : ''}`
    })
    .join(' or ')
}

const CONSTRAINTS: Array<[string, string]> = [
  ['minLength', 'min length'],
  ['maxLength', 'max length'],
  ['minimum', 'min'],
  ['maximum', 'max'],
  ['minItems', 'min items'],
  ['maxItems', 'max items'],
  ['pattern', 'pattern'],
  ['default', 'default'],
]

function constraints(schema: Schema): string {
  const parts = CONSTRAINTS.filter(([key]) => key in schema).map(([key, label]) => `${label} <code>${esc(String(schema[key]))}</code>`)
  if (schema.uniqueItems) parts.push('distinct')
  return parts.length ? ` <span class="muted">${parts.join(', ')}</span>` : ''
}

/** The named schema behind a top-level `$ref`, so a request body shows its fields in place. */
function expand(doc: OpenApiDocument, schema: Schema): Schema {
  return typeof schema.$ref === 'string' ? (doc.components.schemas[refName(schema.$ref)] ?? schema) : schema
}

function refName(ref: string): string {
  return ref.slice(ref.lastIndexOf('/') + 1)
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-')
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

/** Escaped text with `code` and **bold**. */
function inline(text: string): string {
  return esc(text)
    .replace(/`([^`]+)`/g, '<code>$1</code>')
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
}

function markdown(text: string): string {
  return text
    .split(/\n{2,}/)
    .filter((p) => p.trim())
    .map((p) => `<p>${inline(p)}</p>`)
    .join('')
}

const STYLE = `
:root{--fg:#1d2330;--muted:#667085;--line:#e4e7ec;--bg:#f8f9fb;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg)}
body{margin:0;display:grid;grid-template-columns:220px 1fr;grid-template-areas:"head head" "nav main"}
header{grid-area:head;padding:24px 32px;border-bottom:1px solid var(--line);background:var(--bg)}
header h1{margin:0 0 4px;font-size:24px}
nav{grid-area:nav;position:sticky;top:0;align-self:start;padding:16px 20px;max-height:100vh;overflow:auto}
nav ul{list-style:none;margin:0;padding:0}nav li{margin:6px 0}nav small{color:var(--muted)}
main{grid-area:main;padding:8px 32px 64px;min-width:0}
h2{margin:32px 0 4px;font-size:20px}h3{margin:24px 0 8px;font-size:16px}h4{margin:16px 0 6px;font-size:14px}
a{color:#175cd3;text-decoration:none}a:hover{text-decoration:underline}
code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:12.5px;background:var(--bg);padding:1px 4px;border-radius:4px}
.muted{color:var(--muted);font-size:13px}
details.op{border:1px solid var(--line);border-radius:8px;margin:8px 0;background:#fff}
details.op summary{cursor:pointer;padding:10px 12px;display:flex;gap:10px;align-items:center;flex-wrap:wrap}
details.op .body{padding:0 16px 12px;border-top:1px solid var(--line)}
.method{font:600 11px ui-monospace,monospace;color:#fff;border-radius:4px;padding:3px 6px;min-width:48px;text-align:center}
.get{background:#1570ef}.post{background:#079455}.patch{background:#dc6803}.put{background:#7a5af8}.delete{background:#d92d20}
.path{font-weight:600;background:none}.summary{flex:1;color:var(--muted)}
.perm{background:#fef0c7;color:#93370d}.access{font-size:12px;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:1px 6px}
table{border-collapse:collapse;width:100%;font-size:13px;margin:4px 0 8px}
th,td{text-align:left;vertical-align:top;border-bottom:1px solid var(--line);padding:6px 8px}th{color:var(--muted);font-weight:500}
td table{margin:0}.type{margin:4px 0}
.response{margin:8px 0}.status{font:600 12px ui-monospace,monospace;border-radius:4px;padding:2px 6px}
.status.ok{background:#dcfae6;color:#067647}.status.err{background:#fee4e2;color:#b42318}
section.schema{border-top:1px solid var(--line)}
@media (max-width:800px){body{grid-template-columns:1fr;grid-template-areas:"head" "nav" "main"}nav{position:static;max-height:none}}
`
