import type { HttpContext } from '@adonisjs/core/http'
import { buildOpenApiDocument } from '#platform/openapi/document'
import { renderDocsPage } from '#platform/openapi/page'

/** The OpenAPI 3.1 description of the REST API and a page to browse it. */
export default class ApiDocsController {
  async document() {
    return buildOpenApiDocument()
  }

  async page({ response }: HttpContext) {
    response.header('content-type', 'text/html; charset=utf-8')
    return renderDocsPage(buildOpenApiDocument())
  }
}
