import { HttpParams } from '@angular/common/http';

/** Builds query params, leaving out empty values so the API sees only real filters. */
export function toParams(
  query: Readonly<Record<string, string | number | null | undefined>>,
): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') continue;
    params = params.set(key, String(value));
  }
  return params;
}
