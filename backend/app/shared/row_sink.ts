import fs from 'node:fs'
import { once } from 'node:events'
import ExcelJS from 'exceljs'
import { csvLine, neutraliseFormula } from '#shared/csv'

/** The file formats of a spreadsheet export. */
export type ExportFormat = 'csv' | 'xlsx'

/** A cell of an export: text (neutralised against formulas), a number, or empty. */
export type Cell = string | number | null

/** Where an export's rows go, one at a time: a CSV or a streamed XLSX file. */
export interface RowSink {
  row(values: Cell[]): Promise<void>
  close(): Promise<void>
}

/** Opens the sink of a format at a file path; `sheetName` names the XLSX worksheet. */
export async function openRowSink(format: ExportFormat, file: string, sheetName: string): Promise<RowSink> {
  return format === 'xlsx' ? xlsxSink(file, sheetName) : csvSink(file)
}

/** A CSV file with a byte-order mark, so Excel (also in Chinese) reads it as UTF-8. */
async function csvSink(file: string): Promise<RowSink> {
  const out = fs.createWriteStream(file)
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain')
  }
  await write('\uFEFF')
  return {
    row: (values) => write(csvLine(values)),
    async close() {
      out.end()
      await once(out, 'finish')
    },
  }
}

/** An XLSX file written row by row (rows are committed, so they leave memory at once); numbers stay numbers. */
function xlsxSink(file: string, sheetName: string): RowSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: false, useSharedStrings: false })
  const sheet = workbook.addWorksheet(sheetName)
  return {
    async row(values) {
      sheet.addRow(values.map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v))).commit()
    },
    async close() {
      sheet.commit()
      await workbook.commit()
    },
  }
}
