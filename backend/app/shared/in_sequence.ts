/**
 * Awaits the given queries one after another, in order. The queries of one transaction share its
 * single connection, and node-postgres refuses concurrent queries on a connection (deprecated now,
 * an error from pg 9), so `Promise.all` over them must not be used. Query builders are lazy: they
 * run when awaited here.
 */
export async function inSequence<T extends readonly unknown[] | []>(queries: T): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const results: unknown[] = []
  for (const query of queries) results.push(await query)
  return results as { -readonly [K in keyof T]: Awaited<T[K]> }
}
