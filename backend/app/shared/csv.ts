/**
 * CSV writing (RFC 4180) with formula-injection neutralised: a cell that starts with = + - @ or a
 * control character gets a leading apostrophe, so spreadsheet apps show it as text.
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return ''
  let text = typeof value === 'object' ? JSON.stringify(value) : String(value)
  text = neutraliseFormula(text)
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** One CSV line (CRLF-terminated) from a list of values. */
export function csvLine(values: unknown[]): string {
  return values.map(csvCell).join(',') + '\r\n'
}

/** Prefixes an apostrophe to text a spreadsheet would read as a formula (= + - @, tab, CR first). */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}
