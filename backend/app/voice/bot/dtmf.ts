/**
 * DTMF digits and their SIP DTMF codes (RFC 4733 events: 0-9 as is, * = 10, # = 11, A-D = 12-15),
 * the pair LiveKit carries in its SipDTMF data packets.
 */

/** A digit the bot can send or receive. */
export type DtmfDigit = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | '*' | '#' | 'A' | 'B' | 'C' | 'D'

const DIGITS = '0123456789*#ABCD'

/** The event code of a digit. */
export function dtmfCode(digit: DtmfDigit): number {
  return DIGITS.indexOf(digit)
}

/** The digit of a received packet: its own digit field, else derived from the code; null if neither is valid. */
export function digitOf(code: number, digit: string | undefined): DtmfDigit | null {
  const given = (digit ?? '').trim().toUpperCase()
  if (given.length === 1 && DIGITS.includes(given)) return given as DtmfDigit
  return Number.isInteger(code) && code >= 0 && code < DIGITS.length ? (DIGITS[code] as DtmfDigit) : null
}

/** Splits a dial string into digits and 'w' (half-second pause); throws RangeError on anything else. */
export function parseDigits(digits: string): Array<DtmfDigit | 'w'> {
  return [...digits].map((char) => {
    const upper = char.toUpperCase()
    if (upper === 'W') return 'w'
    if (!DIGITS.includes(upper)) throw new RangeError(`"${char}" is not a DTMF digit`)
    return upper as DtmfDigit
  })
}
