/**
 * The small layout kit the council PDFs are drawn with: text that the built-in fonts can
 * print, headings that stay with what follows, tables that repeat their header on a new
 * page, and the page footer with "Page n of m".
 */
import PDFDocument from 'pdfkit';

export type Doc = PDFKit.PDFDocument;

export const FONT = 'Helvetica';
export const BOLD = 'Helvetica-Bold';
export const ITALIC = 'Helvetica-Oblique';
export const MARGIN = 54; // 3/4 inch
const FOOTER_SPACE = 28; // below the bottom margin's content edge, the footer line lives here
export const GREY = '#555555';
export const RULE = '#b5b5b5';

// Code points the built-in (WinAnsi-encoded) fonts print besides ASCII and Latin-1: curly
// quotes, dashes, ellipsis, bullet, euro, œ, š, ž…
const WIN_ANSI_EXTRA = new Set([
  0x152, 0x153, 0x160, 0x161, 0x178, 0x17d, 0x17e, 0x192, 0x2c6, 0x2dc, 0x2013, 0x2014, 0x2018, 0x2019, 0x201a, 0x201c,
  0x201d, 0x201e, 0x2020, 0x2021, 0x2022, 0x2026, 0x2030, 0x2039, 0x203a, 0x20ac, 0x2122,
]);

/**
 * Text the built-in Helvetica can print. Its encoding is WinAnsi: Spanish (á é í ó ú ü ñ ¿ ¡)
 * is all there, but pdfkit writes any other character as two stray bytes — an emoji or a CJK
 * title would print as garbage. Such characters become '?', so the reader sees that something
 * was not printable (the HTML export shows them as typed). Unicode spaces (Intl puts U+202F
 * before "AM") become plain spaces; joiners, variation selectors and combining marks that NFC
 * could not attach are dropped.
 */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(/\r\n?/g, '\n')) {
    const cp = ch.codePointAt(0) ?? 0x3f;
    if (ch === '\n') out += ch;
    else if (cp === 0x09 || /\p{Zs}/u.test(ch)) out += ' ';
    else if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff) || WIN_ANSI_EXTRA.has(cp)) out += ch;
    else if (/[\p{M}\p{Cf}]/u.test(ch)) continue;
    else out += '?';
  }
  return out;
}

export function createDoc(title: string, lang: string): Doc {
  return new PDFDocument({
    size: 'LETTER',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_SPACE },
    bufferPages: true,
    lang,
    displayTitle: true,
    info: { Title: toWinAnsi(title), Creator: 'Commons' },
  });
}

export function toBuffer(doc: Doc, draw: () => void): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    try {
      draw();
      doc.end();
    } catch (error) {
      reject(error);
    }
  });
}

export const contentWidth = (doc: Doc) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomEdge = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

/** Starts a new page unless `height` more points fit on this one. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > bottomEdge(doc)) doc.addPage();
}

export interface TextStyle {
  font?: string;
  size?: number;
  color?: string;
  indent?: number;
  gapAfter?: number;
}

/** A paragraph at the left margin (plus indent); long text flows onto the next pages. */
export function paragraph(doc: Doc, text: string, style: TextStyle = {}): void {
  const indent = style.indent ?? 0;
  doc.font(style.font ?? FONT).fontSize(style.size ?? 10).fillColor(style.color ?? 'black');
  doc.text(toWinAnsi(text), doc.page.margins.left + indent, doc.y, { width: contentWidth(doc) - indent });
  doc.y += style.gapAfter ?? 3;
}

/** A heading, never alone at the foot of a page: it moves on with `keepWith` points of what follows. */
export function heading(doc: Doc, text: string, size: number, keepWith = 40): void {
  doc.font(BOLD).fontSize(size);
  const height = doc.heightOfString(toWinAnsi(text), { width: contentWidth(doc) });
  ensureSpace(doc, height + keepWith);
  doc.y += size * 0.5;
  paragraph(doc, text, { font: BOLD, size, gapAfter: size * 0.25 });
}

export interface Column {
  header: string;
  /** a share of the table's width */
  weight: number;
  align?: 'left' | 'right';
}

export interface Cell {
  text: string;
  bold?: boolean;
  /** smaller grey text under the main text (an item's detail) */
  sub?: string;
}

const PAD = 4;
const SUB_GAP = 2;

function cellHeight(doc: Doc, cell: Cell, width: number, size: number): number {
  doc.font(cell.bold ? BOLD : FONT).fontSize(size);
  let height = doc.heightOfString(toWinAnsi(cell.text) || ' ', { width });
  if (cell.sub) {
    doc.font(FONT).fontSize(size - 1.5);
    height += SUB_GAP + doc.heightOfString(toWinAnsi(cell.sub), { width });
  }
  return height + 2 * PAD;
}

/**
 * Draws a table from the current y, full content width (or indented). A row never splits; the
 * header row is repeated on each new page. pdfkit's own doc.table() does not repeat headers.
 * A single row taller than a whole page (a very long agenda detail) is cut with an ellipsis:
 * the HTML page always has the full text.
 */
export function table(doc: Doc, columns: Column[], rows: Cell[][], options: { size?: number; indent?: number } = {}): void {
  const size = options.size ?? 9.5;
  const left = doc.page.margins.left + (options.indent ?? 0);
  const totalWidth = contentWidth(doc) - (options.indent ?? 0);
  const totalWeight = columns.reduce((sum, c) => sum + c.weight, 0);
  const widths = columns.map((c) => (c.weight / totalWeight) * totalWidth);
  const lefts = widths.map((_, i) => left + widths.slice(0, i).reduce((s, w) => s + w, 0));
  const headerCells: Cell[] = columns.map((c) => ({ text: c.header, bold: true }));
  const fullPage = () => bottomEdge(doc) - doc.page.margins.top;

  const drawRow = (cells: Cell[], header: boolean) => {
    const natural = Math.max(...cells.map((cell, i) => cellHeight(doc, cell, (widths[i] ?? 0) - 2 * PAD, size)));
    const headerHeight = header ? 0 : cellHeight(doc, headerCells[0] ?? { text: ' ' }, 200, size);
    const height = Math.min(natural, fullPage() - headerHeight);
    if (doc.y + height > bottomEdge(doc)) {
      doc.addPage();
      if (!header) drawRow(headerCells, true);
    }
    const top = doc.y;
    if (header) doc.rect(left, top, totalWidth, height).fill('#eeeeee');
    const clamped = height < natural;
    cells.forEach((cell, i) => {
      const width = (widths[i] ?? 0) - 2 * PAD;
      const x = (lefts[i] ?? left) + PAD;
      const align = columns[i]?.align ?? 'left';
      // Only a clamped row is cut; otherwise the measured height is trusted as is.
      const box = (y: number) => (clamped ? { width, align, ellipsis: true, height: Math.max(0, top + height - PAD - y) } : { width, align });
      doc.font(cell.bold || header ? BOLD : FONT).fontSize(size).fillColor('black');
      doc.text(toWinAnsi(cell.text), x, top + PAD + 1, box(top + PAD + 1));
      if (cell.sub) {
        const y = doc.y + SUB_GAP;
        doc.font(FONT).fontSize(size - 1.5).fillColor(GREY);
        doc.text(toWinAnsi(cell.sub), x, y, box(y));
      }
    });
    doc.moveTo(left, top + height).lineTo(left + totalWidth, top + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = doc.page.margins.left;
    doc.y = top + height;
  };

  ensureSpace(doc, 2 * cellHeight(doc, { text: ' ' }, 200, size));
  drawRow(headerCells, true);
  for (const row of rows) drawRow(row, false);
  doc.fillColor('black');
  doc.y += 6;
}

/**
 * Writes the footer (left text, "Page n of m") and, when given, a faint diagonal watermark on
 * every buffered page. Must run after all content, before doc.end().
 */
export function finishPages(doc: Doc, footerLeft: string, pageLabel: (page: number, pages: number) => string, watermark?: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    margins.bottom = 0; // writing below the content edge must not start a new page
    const y = doc.page.height - MARGIN - 10;
    doc.moveTo(margins.left, y - 6).lineTo(doc.page.width - margins.right, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.font(FONT).fontSize(8.5).fillColor(GREY);
    doc.text(toWinAnsi(footerLeft), margins.left, y, { width: contentWidth(doc) * 0.7, lineBreak: false, ellipsis: true });
    doc.text(toWinAnsi(pageLabel(i - range.start + 1, range.count)), margins.left, y, { width: contentWidth(doc), align: 'right', lineBreak: false });
    if (watermark) drawWatermark(doc, watermark);
    margins.bottom = bottom;
  }
  doc.fillColor('black');
}

function drawWatermark(doc: Doc, word: string): void {
  const cx = doc.page.width / 2;
  const cy = doc.page.height / 2;
  doc.save();
  doc.rotate(-40, { origin: [cx, cy] });
  doc.font(BOLD).fontSize(96).fillColor('#c00000').fillOpacity(0.08);
  const text = toWinAnsi(word);
  const width = doc.widthOfString(text);
  doc.text(text, cx - width / 2, cy - 48, { lineBreak: false });
  doc.restore();
}
