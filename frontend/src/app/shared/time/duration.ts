/** `m:ss` (or `h:mm:ss` past an hour) of a span in milliseconds; negative spans count as zero. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
  return `${String(minutes).padStart(2, '0')}:${ss}`;
}

/** Time since `iso` at `now` as `mm:ss`, or `null` when there is no timestamp. */
export function elapsedSince(iso: string | null | undefined, now: number): string | null {
  if (!iso) return null;
  return formatDuration(now - Date.parse(iso));
}

/** Whole seconds left until `iso` at `now` (never negative), or `null` without a timestamp. */
export function secondsUntil(iso: string | null | undefined, now: number): number | null {
  if (!iso) return null;
  return Math.max(0, Math.ceil((Date.parse(iso) - now) / 1000));
}
