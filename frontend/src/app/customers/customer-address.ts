import { CustomerAddress } from './customers-api';

/** The parts of an address that make up its text. */
export type AddressParts = Pick<
  CustomerAddress,
  'country' | 'region' | 'city' | 'district' | 'street' | 'postalCode'
>;

/** How to write an address for the reader. */
export interface AddressFormatOptions {
  /** The UI language; names the country (`CN` → "China" / "中国"). */
  readonly locale: string;
  /** The organisation's own country: an address there is written without its country. */
  readonly homeCountry?: string | null;
}

/** Han, kana and hangul: text written in them reads from the largest place to the smallest. */
const EAST_ASIAN = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]/;

/** The name of a country in `locale`, or its code when the browser does not know it. */
export function countryName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Whether an address is written the Chinese way (省 市 区 街道, largest first): when its parts are in
 * Chinese (or Japanese/Korean) script. The same address in Latin letters follows the international
 * order (street first), as the post expects.
 */
export function readsLargestFirst(address: AddressParts): boolean {
  return EAST_ASIAN.test([address.region, address.city, address.district, address.street].join(''));
}

/** Joins parts with a space, except between two Chinese characters (广东省广州市). */
function joinEastAsian(parts: readonly string[]): string {
  return parts.reduce((text, part) => {
    if (text === '') return part;
    const glue = EAST_ASIAN.test(text.slice(-1)) && EAST_ASIAN.test(part.charAt(0)) ? '' : ' ';
    return text + glue + part;
  }, '');
}

/**
 * An address as one line for reading and copying: `广东省广州市天河区天河路 385 号，510620` for a
 * Chinese one, `1 Main St, Springfield, IL 62701, United States` otherwise. The country is left out
 * when it is the organisation's own.
 */
export function formatAddress(address: AddressParts, options: AddressFormatOptions): string {
  const present = (part: string | null): part is string => part !== null && part.trim() !== '';
  const country =
    address.country && address.country !== options.homeCountry
      ? countryName(address.country, options.locale)
      : null;
  const postalCode = present(address.postalCode) ? address.postalCode.trim() : null;
  if (readsLargestFirst(address)) {
    const body = joinEastAsian(
      [country, address.region, address.city, address.district, address.street]
        .filter(present)
        .map((part) => part.trim()),
    );
    return postalCode ? `${body}，${postalCode}` : body;
  }
  const regionLine = [address.region, postalCode].filter(present).map((part) => part.trim()).join(' ');
  return [address.street, address.district, address.city, regionLine, country]
    .filter(present)
    .map((part) => part.trim())
    .join(', ');
}
