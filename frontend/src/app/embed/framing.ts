import type { FrameLike } from '../../agent-sdk/host';
import { CAPABILITIES } from '../../agent-sdk/protocol';
import type { SdkHostAccess } from '../workspace/sdk-bridge/sdk-bridge';

/** The window framing this page (what the SDK host attaches as its one "frame"), or null when not framed. */
export function framingWindow(win: Window): FrameLike | null {
  try {
    return win.parent && win.parent !== win ? { contentWindow: win.parent } : null;
  } catch {
    return null;
  }
}

/** The framing page's origin when the browser tells it (`location.ancestorOrigins`), else null. */
export function framingOrigin(win: Window): string | null {
  const ancestors = (win.location as Location & { ancestorOrigins?: DOMStringList })
    .ancestorOrigins;
  return ancestors && ancestors.length > 0 ? ancestors[0] : null;
}

/**
 * Who may drive the embedded call bar: exactly the tenant's call bar embedding origins, each with
 * every capability (the agent signed in inside the frame, and the admin listed the page).
 */
export function embedAccess(origins: readonly string[]): SdkHostAccess {
  const allowed = [...new Set(origins)];
  return {
    allowedOrigins: allowed,
    capabilities: (origin) => (allowed.includes(origin) ? CAPABILITIES : []),
  };
}
