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
  /** Label (both languages, or empty for a row that continues the one above) and value. */
  rows: [LocalizedText, string][];
  /** The header's kingdom, motto and ministry lines. */
  header: Record<'kingdom' | 'motto' | 'ministry', LocalizedText>;
  qr?: { content: string; caption: LocalizedText };
  /** A document withdrawn since it was issued says so on its face, under its title. */
  revoked?: { heading: LocalizedText; lines: string[] };
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

const red = '#b91c1c';
const grey = '#475569';

/** The QR code, as dense as its content needs: a long one still fits, with less error correction. */
async function qrImage(content: string): Promise<Buffer> {
  try {
    return await QRCode.toBuffer(content, { errorCorrectionLevel: 'M', margin: 1, width: 400 });
  } catch {
    return QRCode.toBuffer(content, { errorCorrectionLevel: 'L', margin: 1, width: 400 });
  }
}

/**
 * An official document of the ministry in Khmer and English: a licence, a receipt. It is one
 * page: a document whose rows run long is set again in smaller type until it fits.
 */
export async function documentPdf(input: DocumentPdfInput): Promise<Buffer> {
  const qr = input.qr ? await qrImage(input.qr.content) : null;
  let set = await render(input, qr, 1);
  for (const scale of [0.9, 0.8, 0.7, 0.6]) {
    if (set.fits) break;
    set = await render(input, qr, scale);
  }
  return set.pdf;
}

async function render(input: DocumentPdfInput, qr: Buffer | null, scale: number): Promise<{ pdf: Buffer; fits: boolean }> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, tagged: true, lang: 'km', info: { Title: input.title.en } });
  doc.registerFont('km', path.join(fonts, 'noto-sans-khmer-khmer-400-normal.woff'));
  doc.registerFont('km-bold', path.join(fonts, 'noto-sans-khmer-khmer-700-normal.woff'));
  doc.registerFont('latin', path.join(fonts, 'noto-sans-khmer-latin-400-normal.woff'));
  doc.registerFont('latin-bold', path.join(fonts, 'noto-sans-khmer-latin-700-normal.woff'));
  doc.font('km');
  skipNullAnchors((doc as unknown as { _font: { font: Parameters<typeof skipNullAnchors>[0] } })._font.font);
  let fits = true;
  doc.on('pageAdded', () => (fits = false));
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  type Style = { size?: number; bold?: boolean; align?: 'left' | 'center'; gap?: number; x?: number; width?: number; color?: string };
  const line = (text: string, { size = 11, bold = false, align = 'left', gap = 4, x = left, width: w = width, color = 'black' }: Style = {}) => {
    doc.markContent('Span', { actual: text } as never);
    const parts = runs(text);
    const y = doc.y;
    parts.forEach((part, i) => {
      doc.font(`${part.khmer ? 'km' : 'latin'}${bold ? '-bold' : ''}`).fontSize(size * scale).fillColor(color);
      const options = { continued: i < parts.length - 1, align, width: w };
      if (i === 0) doc.text(part.text, x, y, options);
      else doc.text(part.text, options);
    });
    doc.endMarkedContent();
    doc.moveDown((gap * scale) / 10);
  };
  const both = (label: LocalizedText) => `${label.km} / ${label.en}`;

  line(input.header.kingdom.km, { size: 14, bold: true, align: 'center', gap: 0 });
  line(input.header.motto.km, { size: 12, align: 'center', gap: 6 });
  line(input.header.ministry.km, { size: 12, bold: true, gap: 0 });
  line(input.header.ministry.en, { size: 10, gap: 10 });
  line(input.title.km, { size: 22, bold: true, align: 'center', gap: 0 });
  line(input.title.en, { size: 16, bold: true, align: 'center', gap: 10 });

  if (input.revoked) {
    const top = doc.y;
    doc.y += 8 * scale;
    // One script a line: pdfkit cannot centre a line set in two fonts.
    line(input.revoked.heading.km, { size: 24, bold: true, align: 'center', color: red, gap: 0, x: left + 10, width: width - 20 });
    line(input.revoked.heading.en, { size: 20, bold: true, align: 'center', color: red, gap: 2, x: left + 10, width: width - 20 });
    for (const text of input.revoked.lines) line(text, { size: 10, bold: true, color: red, gap: 2, x: left + 10, width: width - 20 });
    doc.y += 6 * scale;
    doc.save().lineWidth(3).strokeColor(red).rect(left, top, width, doc.y - top).stroke().restore();
    doc.y += 10 * scale;
  }

  // Label on the left (Khmer over English), value on the right: a certificate's facts at a glance.
  const labelWidth = 170;
  for (const [label, value] of input.rows) {
    const top = doc.y;
    if (label.km) {
      line(label.km, { size: 8, gap: 0, width: labelWidth, color: grey });
      line(label.en, { size: 8, gap: 0, width: labelWidth, color: grey });
    }
    const labelBottom = doc.y;
    doc.y = top;
    line(value, { size: 11, bold: true, gap: 0, x: left + labelWidth + 10, width: width - labelWidth - 10 });
    doc.y = Math.max(doc.y, labelBottom) + 6 * scale;
  }
  if (qr) {
    const size = 120 * scale;
    const top = doc.y + 8 * scale;
    if (top + size > doc.page.maxY()) fits = false;
    doc.image(qr, left, top, { width: size });
    doc.y = top;
    // The caption beside the code, not under it: under it, it once spilled onto a second page.
    line(both(input.qr!.caption), { size: 9, x: left + size + 12, width: width - size - 12 });
  }
  doc.end();
  return { pdf: await done, fits };
}
