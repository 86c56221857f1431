/** The keys of a telephone keypad, in keypad order. */
export const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'] as const;

/** One keypad key. */
export type DtmfDigit = (typeof DTMF_KEYS)[number];

/** Letters printed under the keys, as on a phone. */
export const DTMF_LETTERS: Readonly<Partial<Record<DtmfDigit, string>>> = {
  '2': 'ABC',
  '3': 'DEF',
  '4': 'GHI',
  '5': 'JKL',
  '6': 'MNO',
  '7': 'PQRS',
  '8': 'TUV',
  '9': 'WXYZ',
  '0': '+',
};

/** True for a single keypad key. */
export function isDtmfDigit(value: string): value is DtmfDigit {
  return (DTMF_KEYS as readonly string[]).includes(value);
}

/** The telephone-event code of a key (RFC 4733): digits are themselves, `*` is 10, `#` is 11. */
export function dtmfCode(digit: DtmfDigit): number {
  if (digit === '*') return 10;
  if (digit === '#') return 11;
  return Number(digit);
}
