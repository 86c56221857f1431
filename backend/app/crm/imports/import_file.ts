import fs from 'node:fs'
import { Transform } from 'node:stream'
import { parse } from 'csv-parse'
import ExcelJS from 'exceljs'
import { FieldError } from '#shared/errors'

/** How a file to import is written. */
export interface FileLayout {
  format: 'csv' | 'xlsx'
  /** CSV only: the text encoding (`utf-8-bom` = UTF-8 starting with a byte-order mark; GBK files read as GB18030, its superset). */
  encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | null
  /** CSV only: the separator of cells, guessed from the header line. */
  delimiter: string | null
}

/** One row of the file: its number as a spreadsheet shows it (the header is row 1) and its cells as text. */
export interface FileRow {
  row: number
  cells: string[]
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0])
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf])
const SNIFF_BYTES = 64 * 1024

/** The first bytes of a file. */
async function head(file: string, bytes = SNIFF_BYTES): Promise<Buffer> {
  const handle = await fs.promises.open(file, 'r')
  try {
    const buffer = Buffer.alloc(bytes)
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/**
 * Reads what kind of file this is from its bytes (not its name): XLSX is a zip; the old binary
 * .xls is refused; anything else is delimited text in UTF-8 (with or without BOM) or, when it is
 * not valid UTF-8, GB18030 (what Chinese Excel writes as "CSV", a superset of GBK).
 */
export async function sniffLayout(file: string, encodingOverride?: FileLayout['encoding']): Promise<FileLayout> {
  const bytes = await head(file)
  if (bytes.length === 0) throw new FieldError('file', 'empty', 'The file is empty')
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) return { format: 'xlsx', encoding: null, delimiter: null }
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) throw new FieldError('file', 'format', 'Old .xls workbooks are not read: save the file as .xlsx or CSV')
  const encoding = encodingOverride ?? detectEncoding(bytes)
  const text = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8').decode(bytes)
  if (text.includes('\u0000')) throw new FieldError('file', 'format', 'This is not a CSV or XLSX file')
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0]
  return { format: 'csv', encoding, delimiter: guessDelimiter(firstLine) }
}

function detectEncoding(bytes: Buffer): NonNullable<FileLayout['encoding']> {
  if (bytes.subarray(0, 3).equals(UTF8_BOM)) return 'utf-8-bom'
  try {
    // stream: true keeps a character cut at the end of the sample from counting as invalid.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true })
    return 'utf-8'
  } catch {
    return 'gb18030'
  }
}

/** The most frequent of comma, semicolon and tab in the header line (European Excel writes semicolons). */
function guessDelimiter(line: string): string {
  const counts = [',', ';', '\t'].map((d) => [d, line.split(d).length - 1] as const)
  counts.sort((a, b) => b[1] - a[1])
  return counts[0][1] > 0 ? counts[0][0] : ','
}

/** Decodes a byte stream to text in the given encoding, dropping a leading BOM. */
function decoder(encoding: FileLayout['encoding']) {
  const text = new TextDecoder(encoding === 'gb18030' ? 'gb18030' : 'utf-8', { ignoreBOM: false })
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      done(null, text.decode(chunk, { stream: true }))
    },
    flush(done) {
      done(null, text.decode())
    },
  })
}

/** The rows of a CSV file, header first. */
async function* csvRows(file: string, layout: FileLayout): AsyncGenerator<FileRow> {
  const parser = fs
    .createReadStream(file)
    .pipe(decoder(layout.encoding))
    .pipe(parse({ delimiter: layout.delimiter ?? ',', relax_column_count: true, relax_quotes: true, skip_empty_lines: false, bom: true }))
  let row = 0
  for await (const record of parser as AsyncIterable<string[]>) {
    row++
    yield { row, cells: record }
  }
}

/** A cell of a workbook as text: dates as YYYY-MM-DD, formulas as their last computed value. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    const iso = value.toISOString()
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso
  }
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('')
    if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue)
    if ('hyperlink' in value) return cellText((value as ExcelJS.CellHyperlinkValue).text as ExcelJS.CellValue)
    if ('error' in value) return ''
    return ''
  }
  return String(value)
}

/** The rows of the first worksheet of an XLSX workbook, read as a stream. */
async function* xlsxRows(file: string): AsyncGenerator<FileRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'emit' })
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[]
      const cells: string[] = []
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]))
      yield { row: row.number, cells }
    }
    return
  }
}

/** Every row of the file, header first, in order; blank rows are included (all cells empty). */
export function readRows(file: string, layout: FileLayout): AsyncGenerator<FileRow> {
  return layout.format === 'xlsx' ? xlsxRows(file) : csvRows(file, layout)
}

/** True when every cell of a row is blank. */
export function isBlank(cells: string[]) {
  return cells.every((cell) => cell.trim() === '')
}

/** What the wizard shows after upload: the header, a few sample rows and the number of data rows. */
export async function summariseFile(file: string, layout: FileLayout, maxRows: number) {
  let headers: string[] | null = null
  const sampleRows: string[][] = []
  let totalRows = 0
  try {
    for await (const { cells } of readRows(file, layout)) {
      if (headers === null) {
        headers = cells.map((cell, i) => cell.trim() || `Column ${i + 1}`)
        continue
      }
      if (isBlank(cells)) continue
      totalRows++
      if (sampleRows.length < 5) sampleRows.push(cells)
      if (totalRows > maxRows) throw new FieldError('file', 'maxRows', `A file may have at most ${maxRows.toLocaleString('en')} rows`)
    }
  } catch (error) {
    if (error instanceof FieldError) throw error
    throw new FieldError('file', 'format', `The file could not be read: ${error instanceof Error ? error.message : String(error)}`)
  }
  if (headers === null || headers.every((h, i) => h === `Column ${i + 1}`)) throw new FieldError('file', 'header', 'The first row must name the columns')
  return { headers, sampleRows, totalRows }
}
