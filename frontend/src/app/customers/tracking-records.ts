import { TrackingInput, TrackingRecord, TrackingType } from './tracking-api';

/** Icon of each kind of tracking record (all in the app's icon set). */
export const TRACKING_ICONS: Readonly<Record<TrackingType, string>> = {
  call: 'phone',
  follow_up: 'clock-circle',
  visit: 'team',
  email: 'mail',
  note: 'file-text',
};

/** Whether the record asks for a follow-up that nobody has done yet. */
export function hasPendingFollowUp(record: TrackingRecord): boolean {
  return record.nextFollowUpAt !== null && !record.done;
}

/** Whether the record's follow-up is pending and its time has passed. */
export function isOverdue(record: TrackingRecord, now: number): boolean {
  return hasPendingFollowUp(record) && Date.parse(record.nextFollowUpAt!) < now;
}

/** Appends a further page, skipping records already shown (a new record shifts the pages). */
export function appendRecords(
  shown: readonly TrackingRecord[],
  page: readonly TrackingRecord[],
): TrackingRecord[] {
  const known = new Set(shown.map((r) => r.id));
  return [...shown, ...page.filter((r) => !known.has(r.id))];
}

/** Puts the server's answer in place of the record it updates. */
export function replaceRecord(
  shown: readonly TrackingRecord[],
  record: TrackingRecord,
): TrackingRecord[] {
  return shown.map((r) => (r.id === record.id ? record : r));
}

/** What the quick-entry form holds. */
export interface TrackingFormValue {
  readonly type: TrackingType;
  readonly outcome: string;
  readonly content: string;
  readonly nextFollowUpAt: Date | null;
}

/** The POST body of the quick-entry form: trimmed, empty outcome left out, the date as ISO. */
export function trackingBody(value: TrackingFormValue): TrackingInput {
  const outcome = value.outcome.trim();
  return {
    type: value.type,
    content: value.content.trim(),
    ...(outcome ? { outcome } : {}),
    ...(value.nextFollowUpAt ? { nextFollowUpAt: value.nextFollowUpAt.toISOString() } : {}),
  };
}
