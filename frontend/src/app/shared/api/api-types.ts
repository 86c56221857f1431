/** Base path of the REST API (served from the same origin as the app). */
export const API_BASE = '/api/v1';

/** Envelope of every successful API answer. */
export interface ApiData<T> {
  readonly data: T;
}

/** Pagination block of a paged list answer. */
export interface PageMeta {
  readonly total: number;
  readonly perPage: number;
  readonly currentPage: number;
  readonly lastPage: number;
}

/** Envelope of a paged list answer. */
export interface Paged<T> {
  readonly data: T[];
  readonly meta: PageMeta;
}

/** One entry of a 422 validation answer. */
export interface FieldError {
  readonly field: string;
  readonly rule: string;
  readonly message: string;
  /** The rule's options, e.g. `{ min: 3 }` for minLength, when the API sends them. */
  readonly meta?: Readonly<Record<string, unknown>>;
}

/** Normalised shape of every failed API call, whatever the status. */
export interface ApiError {
  readonly status: number;
  readonly code: string | null;
  readonly message: string;
  readonly fieldErrors: FieldError[];
  readonly retryAfterSeconds: number | null;
}

/** An empty page, used before the first answer arrives. */
export const EMPTY_META: PageMeta = { total: 0, perPage: 20, currentPage: 1, lastPage: 1 };
