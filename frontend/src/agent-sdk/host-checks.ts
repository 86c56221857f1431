import { CCAgentError } from './errors';
import type { HelloMessage } from './protocol';

/** Validates a hello message; returns a clean copy, or null when it is malformed. */
export function readHello(data: Partial<HelloMessage>): HelloMessage | null {
  const { protocol, instance, appId, capabilities, sdkVersion } = data;
  if (typeof protocol !== 'object' || protocol === null) return null;
  if (!Number.isInteger(protocol.major) || !Number.isInteger(protocol.minor) || protocol.minor < 0)
    return null;
  if (typeof instance !== 'string' || instance.length === 0 || instance.length > 128) return null;
  if (appId !== undefined && (typeof appId !== 'string' || appId.length > 128)) return null;
  if (
    capabilities !== undefined &&
    (!Array.isArray(capabilities) || capabilities.some((c) => typeof c !== 'string'))
  ) {
    return null;
  }
  return {
    type: 'cc.hello',
    protocol: { major: protocol.major, minor: protocol.minor },
    sdkVersion: typeof sdkVersion === 'string' ? sdkVersion.slice(0, 32) : '',
    instance,
    ...(appId === undefined ? {} : { appId }),
    ...(capabilities === undefined ? {} : { capabilities }),
  };
}

/** Rejects with `E_TIMEOUT` when `work` takes longer than `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number, method: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CCAgentError('E_TIMEOUT', `${method} took too long.`, { method })),
      ms,
    );
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
