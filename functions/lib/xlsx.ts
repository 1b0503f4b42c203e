import ExcelJS from 'exceljs';
import type { CatalogRows, SheetCells, WorkbookSheets } from '../domain/catalog/workbook';
import { cellRef } from '../domain/catalog/workbook';
import { DomainError } from '../domain/errors';

/**
 * The catalog workbook as a file, with exceljs (a maintained .xlsx library): writing the rows the domain lays
 * out (functions/domain/catalog/workbook.ts), and reading an upload back to its cells' text. Nothing here
 * knows what a column means.
 */

/** Rows given a dropdown below the header: enough for a school's majors and the bureau's whole catalog. */
const DROPDOWN_ROWS = 2000;

/**
 * Reading stops past these: an upload is at most 2 MB, but compressed XML can unpack to far more rows than a
 * catalog has, and each would be held in memory.
 */
const MAX_ROWS = 5000;
const MAX_COLUMNS = 100;

const NOT_A_WORKBOOK =
  '这不是 Excel（.xlsx）表格，什么都没有导入。请上传从“导出 Excel”得到的表格；.xls 或 WPS 表格请先另存为 .xlsx';

export async function writeCatalogWorkbook(rows: CatalogRows): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '四平职教通';
  for (const sheet of rows.sheets) {
    const ws = workbook.addWorksheet(sheet.name, {
      views: [{ state: 'frozen', ySplit: 1 }],
      ...(sheet.hidden ? { state: 'veryHidden' as const } : {}),
    });
    ws.columns = sheet.columns.map((c) => ({
      header: c.header,
      width: c.width,
      // '@' is Excel's text format: a code or phone number typed here keeps its leading zeros.
      ...(c.text ? { style: { numFmt: '@' } } : {}),
    }));
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    for (const values of sheet.rows) {
      const row = ws.addRow(values.map((x) => x ?? null));
      row.alignment = { vertical: 'top', wrapText: false };
    }
    sheet.columns.forEach((c, i) => {
      if (!c.choices) return;
      const range = `${cellRef(i, 2)}:${cellRef(i, DROPDOWN_ROWS + 1)}`;
      // exceljs keeps data validations by range here; its typings do not declare the collection.
      (
        ws as unknown as { dataValidations: { add(range: string, rule: ExcelJS.DataValidation): void } }
      ).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [`"${c.choices.join(',')}"`],
        showErrorMessage: true,
        errorStyle: 'stop',
        errorTitle: c.header,
        error: `请从下拉列表中选择：${c.choices.join('、')}`,
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every sheet of an uploaded workbook as its cells' text; a file that is not one is IMPORT_INVALID. */
export async function readCatalogWorkbook(file: Buffer): Promise<WorkbookSheets> {
  const workbook = new ExcelJS.Workbook();
  const options = {
    // Dropdowns are ours to write, not to read: a range of them expands to one entry per cell.
    ignoreNodes: ['dataValidations', 'conditionalFormatting', 'extLst', 'drawing', 'legacyDrawing'],
    maxRows: MAX_ROWS,
    maxCols: MAX_COLUMNS,
  };
  try {
    await workbook.xlsx.load(file as unknown as Parameters<typeof workbook.xlsx.load>[0], options);
  } catch (err) {
    const tooBig = /^Max .*(count|exceeded)/.test((err as Error)?.message ?? '');
    throw notAWorkbook(
      tooBig
        ? `表格太大了：每个工作表最多 ${MAX_ROWS} 行、${MAX_COLUMNS} 列。请删去多余的行、列或工作表后再导入`
        : NOT_A_WORKBOOK,
    );
  }
  // Excel cannot save a workbook without a sheet: a zip with none is some other file.
  if (workbook.worksheets.length === 0) throw notAWorkbook(NOT_A_WORKBOOK);
  const sheets: WorkbookSheets = Object.create(null) as WorkbookSheets;
  for (const ws of workbook.worksheets) {
    const rows: SheetCells = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = textOf(cell.value);
      });
      rows[rowNumber - 1] = Array.from(cells, (c) => c ?? '');
    });
    sheets[ws.name] = Array.from(rows, (r) => r ?? []);
  }
  return sheets;
}

function notAWorkbook(message: string): DomainError {
  return new DomainError('IMPORT_INVALID', {
    message,
    details: { errors: [{ sheet: '', cell: '', message }] },
  });
}

/** A cell as the text it shows: rich text and links as their text, a formula as its result, a date as a day. */
function textOf(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('hyperlink' in value) return textOf(value.text as ExcelJS.CellValue);
  if ('formula' in value || 'sharedFormula' in value) return textOf(value.result ?? null);
  if ('error' in value) return value.error;
  return '';
}

/** Excel keeps a date as a day count; exceljs hands it over as that instant in UTC. */
function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
