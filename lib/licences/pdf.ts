// The ministry's documents as PDF (licences, receipts), in Khmer and English. Khmer is shaped by pdfkit's font engine from the
// Noto Sans Khmer the app ships; every line also carries its text as ActualText, so that
// copying or extracting it gives the characters in their logical order, not the glyph order.
import path from 'node:path';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { LocalizedText } from '@/lib/services/definition';

const fonts = path.join(process.cwd(), 'node_modules', '@fontsource', 'noto-sans-khmer', 'files');
const khmerScript = /[\u1780-\u17FF\u19E0-\u19FF]/;

export interface DocumentPdfInput {
  /** The document's name, in both languages. */
  title: LocalizedText;
  /** Label (both languages) and value, one under the other. */
  rows: [LocalizedText, string][];
  /** The header's kingdom, motto and ministry lines. */
  header: Record<'kingdom' | 'motto' | 'ministry', LocalizedText>;
  qr?: { content: string; caption: LocalizedText };
}

/** Splits a line into runs of Khmer and of everything else, each set in a font that has it. */
function runs(text: string): { text: string; khmer: boolean }[] {
  const out: { text: string; khmer: boolean }[] = [];
  for (const char of text) {
    // Spaces join the run they are in, so a Khmer phrase stays one shaped run.
    const khmer = char === ' ' && out.length ? out.at(-1)!.khmer : khmerScript.test(char);
    if (out.length && out.at(-1)!.khmer === khmer) out.at(-1)!.text += char;
    else out.push({ text: char, khmer });
  }
  return out;
}

type AnchorProcessor = { applyAnchor(markRecord: { markAnchor?: unknown } | null, baseAnchor: unknown, baseGlyphIndex: number): void };
const patched = new WeakSet<object>();

/**
 * fontkit 2.0.4 throws on a NULL anchor in a font's GPOS table (foliojs/fontkit#367), which
 * the OpenType specification allows and Noto Sans Khmer uses: "ប័ណ្ណ" fails to lay out. Until
 * the fix (foliojs/fontkit#374) is released, skip such an attachment as HarfBuzz does. The
 * processor is reached through the font's layout engine; the PDF test covers the words that
 * need it.
 */
function skipNullAnchors(font: { layout(text: string): unknown; _layoutEngine?: { engine?: { GPOSProcessor?: object } } }) {
  font.layout('ក');
  const processor = font._layoutEngine?.engine?.GPOSProcessor;
  const prototype = processor ? (Object.getPrototypeOf(processor) as AnchorProcessor) : null;
  if (!prototype || patched.has(prototype)) return;
  const original = prototype.applyAnchor;
  prototype.applyAnchor = function (markRecord, baseAnchor, baseGlyphIndex) {
    if (!baseAnchor || !markRecord?.markAnchor) return;
    original.call(this, markRecord, baseAnchor, baseGlyphIndex);
  };
  patched.add(prototype);
}

/** An official document of the ministry in Khmer and English: a licence, a receipt. */
export async function documentPdf(input: DocumentPdfInput): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 56, tagged: true, lang: 'km', info: { Title: input.title.en } });
  doc.registerFont('km', path.join(fonts, 'noto-sans-khmer-khmer-400-normal.woff'));
  doc.registerFont('km-bold', path.join(fonts, 'noto-sans-khmer-khmer-700-normal.woff'));
  doc.registerFont('latin', path.join(fonts, 'noto-sans-khmer-latin-400-normal.woff'));
  doc.registerFont('latin-bold', path.join(fonts, 'noto-sans-khmer-latin-700-normal.woff'));
  doc.font('km');
  skipNullAnchors((doc as unknown as { _font: { font: Parameters<typeof skipNullAnchors>[0] } })._font.font);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const line = (text: string, { size = 11, bold = false, align = 'left' as 'left' | 'center', gap = 4 } = {}) => {
    doc.markContent('Span', { actual: text } as never);
    const parts = runs(text);
    parts.forEach((part, i) => {
      doc.font(`${part.khmer ? 'km' : 'latin'}${bold ? '-bold' : ''}`).fontSize(size);
      doc.text(part.text, { continued: i < parts.length - 1, align });
    });
    doc.endMarkedContent();
    doc.moveDown(gap / 10);
  };
  const both = (label: LocalizedText) => `${label.km} / ${label.en}`;

  line(input.header.kingdom.km, { size: 14, bold: true, align: 'center', gap: 0 });
  line(input.header.motto.km, { size: 12, align: 'center', gap: 8 });
  line(input.header.ministry.km, { size: 12, bold: true });
  line(input.header.ministry.en, { size: 10, gap: 12 });
  line(input.title.km, { size: 22, bold: true, align: 'center', gap: 0 });
  line(input.title.en, { size: 16, bold: true, align: 'center', gap: 14 });
  for (const [label, value] of input.rows) {
    if (label.km) line(both(label), { size: 9, gap: 0 });
    line(value, { size: 13, bold: true, gap: 8 });
  }
  if (input.qr) {
    const qr = await QRCode.toBuffer(input.qr.content, { errorCorrectionLevel: 'M', margin: 1, width: 400 });
    const y = doc.y + 10;
    doc.image(qr, doc.page.margins.left, y, { width: 150 });
    doc.y = y + 160;
    line(both(input.qr.caption), { size: 9 });
  }
  doc.end();
  return done;
}
