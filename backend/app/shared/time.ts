/** ISO-8601 text of a timestamp column, or null. */
export function iso(value: Date | string | null | undefined): string | null {
  if (!value) return null
  return new Date(value).toISOString()
}
