import { CSV_COLUMNS } from '../shared/csv';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { annotationItems, reader, selectText } from './reader';
import { utf8File } from './samples';

test('Excel workbook (.xlsx): typed cells, a frozen filtered header and the codebook', async ({
  app,
}) => {
  const { page } = app;
  await app.openFiles([utf8File()]);
  await expect(reader(page)).toContainText('grew by 5.8 percent');
  await selectText(page, 'grew by 5.8 percent');
  await page.keyboard.press('1');
  await expect(annotationItems(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Export ▾', exact: true }).click();
  const bytes = await app.exportCsvFrom(
    page.getByRole('menuitem', { name: 'Excel workbook (.xlsx)' }),
  );
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Annotations', 'Codebook']);
  const sheet = workbook.getWorksheet('Annotations')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1);
  const cell = (name: string) => sheet.getRow(2).getCell(header.indexOf(name) + 1);
  expect(cell('quote').value).toBe('grew by 5.8 percent');
  expect(cell('categories').value).toContain('Statistic');
  expect(cell('start').type).toBe(ExcelJS.ValueType.Number);
  expect(cell('created_at').type).toBe(ExcelJS.ValueType.Date);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  // One column per CSV column (the coder's included).
  expect(sheet.autoFilter).toBe(`A1:${String.fromCharCode(64 + CSV_COLUMNS.length)}2`);
  const codebook = workbook.getWorksheet('Codebook')!;
  expect(codebook.getColumn(1).values).toContain('Statistic 数据');
});
