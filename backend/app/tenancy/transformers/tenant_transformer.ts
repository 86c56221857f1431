import { iso } from '#shared/time'

/** The API shape of a tenant. */
export interface TenantResource {
  id: string
  slug: string
  name: string
  timeZone: string
  locale: string
  defaultCountry: string
  status: 'active' | 'suspended'
  /** Exact origins of third-party pages that may frame the call bar and drive it through the agent SDK. */
  callBarEmbedOrigins: string[]
  createdAt: string
}

/** Maps a tenants row to the API shape. */
export function toTenantResource(row: Record<string, any>): TenantResource {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    timeZone: row.time_zone,
    locale: row.locale,
    defaultCountry: (row.default_country ?? '').trim(),
    status: row.status,
    callBarEmbedOrigins: (row.callbar_embed_origins ?? []) as string[],
    createdAt: iso(row.created_at)!,
  }
}
