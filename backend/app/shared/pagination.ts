import type { DatabaseQueryBuilderContract } from '@adonisjs/lucid/types/querybuilder'

/** A page of rows with the meta every list endpoint answers with. */
export interface Page<T> {
  data: T[]
  meta: { total: number; perPage: number; currentPage: number; lastPage: number }
}

/** Counts the filtered query, then reads one page of it (the caller has set the order). */
export async function paginate<T>(
  query: DatabaseQueryBuilderContract<any>,
  input: { page?: number; perPage?: number },
  defaultPerPage: number,
  map: (rows: Record<string, any>[]) => T[] | Promise<T[]>
): Promise<Page<T>> {
  const page = input.page ?? 1
  const perPage = input.perPage ?? defaultPerPage
  const [{ total }] = await query.clone().clearOrder().clearSelect().count('* as total')
  const rows = await query.offset((page - 1) * perPage).limit(perPage)
  const count = Number(total)
  return {
    data: await map(rows),
    meta: { total: count, perPage, currentPage: page, lastPage: Math.max(1, Math.ceil(count / perPage)) },
  }
}

/** Escapes LIKE wildcards in user-typed search text. */
export function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`)
}
