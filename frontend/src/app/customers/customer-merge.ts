import { CustomerDuplicate, DuplicateReason } from './customer-merge-api';

/** One shared value of a possible duplicate, with why it counts. */
export interface DuplicateMatch {
  readonly reason: DuplicateReason;
  readonly value: string;
}

/** The values a possible duplicate shares with the customer shown: phones, then e-mails, then the ID number. */
export function matchesOf(duplicate: CustomerDuplicate): DuplicateMatch[] {
  return [
    ...duplicate.matchedPhones.map((value) => ({ reason: 'phone' as const, value })),
    ...duplicate.matchedEmails.map((value) => ({ reason: 'email' as const, value })),
    ...(duplicate.matchedIdNumber
      ? [{ reason: 'idNumber' as const, value: duplicate.matchedIdNumber }]
      : []),
  ];
}

/** Duplicates sharing more come first (an ID number weighs most); ties keep the server's order. */
export function rankDuplicates(duplicates: readonly CustomerDuplicate[]): CustomerDuplicate[] {
  const weight = (d: CustomerDuplicate) =>
    d.reasons.length * 10 + (d.reasons.includes('idNumber') ? 5 : 0);
  return duplicates
    .map((duplicate, index) => ({ duplicate, index }))
    .sort((a, b) => weight(b.duplicate) - weight(a.duplicate) || a.index - b.index)
    .map(({ duplicate }) => duplicate);
}
