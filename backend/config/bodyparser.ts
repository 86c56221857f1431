import { defineConfig } from '@adonisjs/core/bodyparser'

/** Request bodies: JSON up to 1 MB (larger answers 413); multipart uploads up to 210 MB (routes check their own file sizes). */
const bodyParserConfig = defineConfig({
  allowedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  form: {
    convertEmptyStringsToNull: true,
    limit: '1mb',
    types: ['application/x-www-form-urlencoded'],
  },
  json: {
    convertEmptyStringsToNull: false,
    limit: '1mb',
    types: ['application/json', 'application/json-patch+json', 'application/vnd.api+json'],
  },
  raw: {
    types: ['application/webhook+json', 'text/plain'],
    limit: '1mb',
  },
  multipart: {
    autoProcess: true,
    convertEmptyStringsToNull: true,
    processManually: [],
    // Customer imports take files up to 200 MB; each upload route checks its own file size.
    limit: '210mb',
    types: ['multipart/form-data'],
  },
})

export default bodyParserConfig
