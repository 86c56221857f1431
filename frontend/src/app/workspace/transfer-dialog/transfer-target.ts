import { TransferTarget } from '../../shared/api/acd-models';

/** The kinds of transfer target the dialog offers. */
export type TransferKind = 'agent' | 'queue' | 'number';

/** A phone number as people type it: digits with an optional +, spaces, dashes, dots and brackets. */
const NUMBER = /^\+?[0-9][0-9 ().-]{1,30}$/;

/** A typed phone number without its spaces, dashes, dots and brackets, or null when it is none. */
export function phoneNumber(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return NUMBER.test(text) ? text.replace(/[ ().-]/g, '') : null;
}

/** The transfer body for what the dialog holds, or null while it is incomplete or not a number. */
export function transferTarget(kind: TransferKind, value: string | null): TransferTarget | null {
  const text = value?.trim() ?? '';
  if (!text) return null;
  switch (kind) {
    case 'agent':
      return { target: 'agent', userId: text };
    case 'queue':
      return { target: 'queue', queueId: text };
    case 'number': {
      const number = phoneNumber(text);
      return number ? { target: 'number', number } : null;
    }
  }
}
