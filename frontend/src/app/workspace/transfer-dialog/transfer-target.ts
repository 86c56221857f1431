import { TransferTarget } from '../../shared/api/acd-models';

/** The kinds of transfer target the dialog offers. */
export type TransferKind = 'agent' | 'queue' | 'number';

/** A phone number as people type it: digits with an optional +, spaces, dashes, dots and brackets. */
const NUMBER = /^\+?[0-9][0-9 ().-]{1,30}$/;

/** The transfer body for what the dialog holds, or null while it is incomplete or not a number. */
export function transferTarget(kind: TransferKind, value: string | null): TransferTarget | null {
  const text = value?.trim() ?? '';
  if (!text) return null;
  switch (kind) {
    case 'agent':
      return { target: 'agent', userId: text };
    case 'queue':
      return { target: 'queue', queueId: text };
    case 'number':
      return NUMBER.test(text) ? { target: 'number', number: text.replace(/[ ().-]/g, '') } : null;
  }
}
