import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { seedsDir } from '../../../dev/shared-files';
import type { PlanDocument } from '../../../schema/contracts/plan-document';
import { parsePlan } from '../../../lib/plan-import/parse-plan';
import { DocumentReadError, readDocument } from '../../../lib/plan-import/readers/read-document';
import { buildDocx } from './fixtures/build-docx';
import { buildPdf } from './fixtures/build-pdf';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const seedText = (name: string) => readFileSync(path.join(seedsDir(), name), 'utf8');

/** What must survive the file format: dimensions, project names and budgets, totals and discrepancies. */
const figures = (plan: PlanDocument) => ({
  dimensions: plan.dimensions.map((d) => ({
    name: d.name,
    missions: d.missions.map((m) => m.projects.map((p) => ({ name: p.name, budget: p.budget }))),
  })),
  totals: plan.parsedTotals,
  stated: plan.stated,
  discrepancies: plan.discrepancies.map((d) => `${d.kind} ${d.projects.join(',')}`),
});

const withoutSpaces = (f: ReturnType<typeof figures>) =>
  JSON.parse(JSON.stringify(f).replace(/ /g, '')) as ReturnType<typeof figures>;

async function refusal(bytes: Uint8Array, name: string): Promise<DocumentReadError> {
  const error = await readDocument(bytes, name).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DocumentReadError);
  return error as DocumentReadError;
}

// Thai as broken extractors give it: each vowel sign or tone mark before the consonant it belongs to.
const marksFirst = (s: string) =>
  s.replace(
    /([\u0e01-\u0e2e])([\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]+)/g,
    (_, base: string, marks: string) => marks + base,
  );
// Thai as a legacy (non-Unicode) font encodes it: TIS-620 byte values drawn as Latin-1 characters.
const legacyEncoding = (s: string) =>
  s.replace(/[\u0e01-\u0e5b]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x0e00 + 0xa0));

describe.each(['000_b2f7f43f58537435.txt', '002_2459aad492833dd5.txt', '004_d79bb15a77856305.txt'])(
  'seed %s as .docx and .pdf',
  (name) => {
    const text = seedText(name);
    const expected = figures(parsePlan(text));

    it('imports the .docx to the same figures as the text', async () => {
      const read = await readDocument(buildDocx(text), 'plan.docx');
      expect(read.format).toBe('docx');
      expect(figures(parsePlan(read.text))).toEqual(expected);
    });

    it('imports the .pdf to the same figures as the text', async () => {
      const read = await readDocument(await buildPdf(text), 'plan.pdf');
      expect(read.format).toBe('pdf');
      // A space where a line wrapped is not in the PDF at all (Trang: "ข้อมูลข่าวสาร ให้บุคลากร" wraps
      // there): names are compared without spaces; everything else, budgets included, exactly.
      expect(withoutSpaces(figures(parsePlan(read.text)))).toEqual(withoutSpaces(expected));
      if (!name.startsWith('002')) expect(figures(parsePlan(read.text))).toEqual(expected);
    });
  },
);

describe('files that are refused', () => {
  const text = seedText('000_b2f7f43f58537435.txt').split('\n').slice(0, 400).join('\n');

  it('refuses a PDF whose Thai marks come out before their consonants', async () => {
    const error = await refusal(await buildPdf(text, marksFirst), 'plan.pdf');
    expect(error.problem).toBe('pdf-unreadable-thai');
    expect(error.message).toMatch(/แบบอักษร/);
    expect(error.message).toMatch(
      /Upload the Word file \(\.docx\) or a PDF saved with embedded Unicode fonts/,
    );
  });

  it('refuses a PDF drawn with a legacy Thai font encoding (Latin letters come out)', async () => {
    const error = await refusal(await buildPdf(text, legacyEncoding), 'plan.pdf');
    expect(error.problem).toBe('pdf-unreadable-thai');
    expect(error.english).toMatch(/letters are Thai/);
  });

  it('refuses a PDF without a text layer (a scan)', async () => {
    const pdf = await PDFDocument.create();
    pdf.addPage().drawRectangle({ x: 50, y: 50, width: 200, height: 300 });
    expect((await refusal(await pdf.save(), 'scan.pdf')).problem).toBe('pdf-no-text');
  });

  it('refuses an image renamed .pdf, and random bytes', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array(64).fill(7)]);
    const image = await refusal(png, 'plan.pdf');
    expect(image.problem).toBe('image');
    expect(image.english).toMatch(/"plan.pdf" is an image \(PNG\)/);
    const noise = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251);
    expect((await refusal(noise, 'plan.pdf')).problem).toBe('unknown-format');
  });

  it('refuses a zip that is not a Word document', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    expect((await refusal(zipSync({ 'a.txt': strToU8('x') }), 'plan.docx')).problem).toBe('not-word');
  });
});

describe('text and Word details', () => {
  it('reads UTF-16 with a byte order mark and UTF-8 with one', async () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('มิติ\tภารกิจ', 'utf16le')]);
    expect((await readDocument(utf16, 'a.txt')).text).toBe('มิติ\tภารกิจ');
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('แผน', 'utf8')]);
    expect((await readDocument(utf8, 'a.txt')).text.replace(/^\uFEFF/, '')).toBe('แผน');
  });

  it('keeps column positions through merged cells and flattens a nested table into its cell', async () => {
    const { zipSync, strToU8 } = await import('fflate');
    const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const tc = (body: string, props = '') => `<w:tc><w:tcPr>${props}</w:tcPr>${body}</w:tc>`;
    const nested = `<w:tbl><w:tr>${tc(p('ก'))}${tc(p('ข'))}</w:tr></w:tbl>`;
    const xml =
      '<w:document xmlns:w="w"><w:body><w:tbl>' +
      `<w:tr>${tc(p('1. มิติ'), '<w:vMerge w:val="restart"/>')}${tc(p('หัว'), '<w:gridSpan w:val="2"/>')}${tc(p('ปี'))}</w:tr>` +
      `<w:tr>${tc(p(''), '<w:vMerge/>')}${tc(p('ก') + p('ข'))}${tc(nested)}${tc(p('100'))}</w:tr>` +
      '</w:tbl><w:p><w:r><w:t xml:space="preserve">a &amp; b</w:t><w:tab/><w:t>c</w:t></w:r></w:p></w:body></w:document>';
    const read = await readDocument(zipSync({ 'word/document.xml': strToU8(xml) }), 'x.docx');
    expect(read.text.split('\n')).toEqual(['1. มิติ\tหัว\t\tปี', '\tก ข\tก ข\t100', 'a & b\tc']);
  });

  it('the import-plan command reads a .docx and refuses an unreadable PDF with the message', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'plan-files-'));
    const text = seedText('000_b2f7f43f58537435.txt');
    writeFileSync(path.join(dir, 'plan.docx'), buildDocx(text));
    writeFileSync(
      path.join(dir, 'bad.pdf'),
      await buildPdf(text.split('\n').slice(0, 300).join('\n'), marksFirst),
    );
    const run = (file: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'tools/plan-import/cli.ts', path.join(dir, file)], {
        cwd: root,
        encoding: 'utf8',
      });
    const ok = run('plan.docx');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).parsedTotals.projects).toBe(41);
    const bad = run('bad.pdf');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/no usable Unicode mapping for Thai/);
  });
});
