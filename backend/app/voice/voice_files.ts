import fs from 'node:fs/promises'
import path from 'node:path'
import { filesRoot } from '#jobs/jobs'

/**
 * Audio files (prompts, recordings) in the tenant's file area, below the same root as job files:
 * `<FILES_DIR>/<tenantId>/<relative>`. Rows store only the relative name, which the server chose.
 */

/** The absolute path of a tenant's file; a name that would leave the tenant's folder is refused. */
export function tenantFilePath(tenantId: string, relative: string): string {
  const tenantDir = path.join(filesRoot(), tenantId)
  const absolute = path.resolve(tenantDir, relative)
  if (!absolute.startsWith(tenantDir + path.sep)) throw new Error(`File name escapes the tenant folder: ${relative}`)
  return absolute
}

/** Writes a tenant's file (creating its folder) and returns its absolute path. */
export async function writeTenantFile(tenantId: string, relative: string, contents: Buffer): Promise<string> {
  const absolute = tenantFilePath(tenantId, relative)
  await fs.mkdir(path.dirname(absolute), { recursive: true })
  await fs.writeFile(absolute, contents)
  return absolute
}

/** Removes a tenant's file if it is there. */
export async function removeTenantFile(tenantId: string, relative: string): Promise<void> {
  await fs.rm(tenantFilePath(tenantId, relative), { force: true })
}

/** True when the tenant's file exists. */
export async function tenantFileExists(tenantId: string, relative: string): Promise<boolean> {
  return fs.stat(tenantFilePath(tenantId, relative)).then((s) => s.isFile(), () => false)
}
