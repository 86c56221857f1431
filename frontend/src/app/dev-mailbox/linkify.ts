/** A run of mail text, with `href` when it is a link. */
export interface TextPart {
  readonly text: string;
  readonly href?: string;
}

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[).,;:!?\]]+$/;

/** Splits plain text into text and link parts so links render as anchors without innerHTML. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    if (start > last) parts.push({ text: text.slice(last, start) });
    parts.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** True when a mail body is HTML rather than plain text. */
export function isHtml(body: string): boolean {
  return /<(a|p|div|br|html|body|table|span)\b[^>]*>/i.test(body);
}
