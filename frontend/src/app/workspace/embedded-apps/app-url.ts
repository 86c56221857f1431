import type { EmbeddedApp } from './embedded-apps-api';

/** What a URL template's placeholders are filled with (null: left empty). */
export interface AppUrlValues {
  readonly ani: string | null;
  readonly dnis: string | null;
  readonly callId: string | null;
  readonly customerId: string | null;
  readonly queueId: string | null;
  readonly agentId: string | null;
  readonly tenant: string | null;
}

/** The values of no call for an agent of a tenant. */
export const noCallValues = (agentId: string | null, tenant: string | null): AppUrlValues => ({
  ani: null,
  dnis: null,
  callId: null,
  customerId: null,
  queueId: null,
  agentId,
  tenant,
});

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/**
 * The URL an app frame loads: every `{placeholder}` replaced by its URI-encoded value (unknown
 * placeholders and missing values leave nothing), plus `cc_origin` (our origin, for the SDK's
 * handshake) and `cc_instance` (this frame's id). Null when the result is not an http(s) URL, so
 * nothing else (javascript:, data:) ever reaches an iframe.
 */
export function expandAppUrl(
  template: string,
  values: AppUrlValues,
  origin: string,
  instance: string,
): string | null {
  const filled = template.replace(PLACEHOLDER, (_match, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(values, name)
      ? values[name as keyof AppUrlValues]
      : null;
    return encodeURIComponent(value ?? '');
  });
  let url: URL;
  try {
    url = new URL(filled);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.searchParams.set('cc_origin', origin);
  url.searchParams.set('cc_instance', instance);
  return url.toString();
}

/**
 * The apps shown for a call of a queue: those for every queue, plus those naming the call's queue.
 * Without a call only the apps for every queue show. Ordered by position.
 */
export function appsForQueue(
  apps: readonly EmbeddedApp[],
  hasCall: boolean,
  queueId: string | null,
): EmbeddedApp[] {
  return apps
    .filter(
      (app) =>
        app.enabled &&
        (app.queueIds.length === 0 || (hasCall && !!queueId && app.queueIds.includes(queueId))),
    )
    .sort((a, b) => a.position - b.position);
}

/** A random id for one frame (`cc_instance`). */
export function frameInstance(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
