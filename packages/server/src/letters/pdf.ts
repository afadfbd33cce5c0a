/// <reference path="./fontkit.d.ts" />
/**
 * The decision letter as an accessible PDF (SPEC C7, §7.4): tagged structure
 * (Document → H1, H2, H3, P, L/LI/Lbl/LBody), document language da-DK, the
 * title in the metadata and shown in the window title, PDF/UA identification,
 * real text in an embedded font (Atkinson Hyperlegible, SIL OFL 1.1, shipped
 * in ./fonts — the standard 14 fonts are not embedded, which PDF/UA forbids).
 * Decoration (rules, margin bars, page numbers) is marked as artifact so a
 * screen reader skips it.
 *
 * The words come from core's `composeDecisionLetter`; this file only lays
 * them out.
 */
import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { composeDecisionLetter, type DecisionLetter, type LetterBlock, type LetterContent } from '@helhed/core';

const FONT_FILES = {
  regular: 'AtkinsonHyperlegible-Regular.ttf',
  bold: 'AtkinsonHyperlegible-Bold.ttf',
  italic: 'AtkinsonHyperlegible-Italic.ttf',
} as const;
type FontName = keyof typeof FONT_FILES;

/**
 * Fonts are read and parsed once per process and shared by every letter
 * (pdfkit takes a parsed fontkit font in place of the bytes); each document
 * still embeds its own subset. Parsing per letter was most of a letter's time.
 */
let fonts: Record<FontName, fontkit.Font> | null = null;
function parsedFonts(): Record<FontName, fontkit.Font> {
  fonts ??= Object.fromEntries(
    Object.entries(FONT_FILES).map(([name, file]) => [name, fontkit.create(readFileSync(new URL(`./fonts/${file}`, import.meta.url)))]),
  ) as Record<FontName, fontkit.Font>;
  return fonts;
}

/** Word shapes shared across letters; started afresh every so many letters so names and ids do not pile up. */
const LAYOUT_CACHE_LETTERS = 500;
let layoutCaches: Record<FontName, object> | null = null;
let lettersOnLayoutCaches = 0;
function sharedLayoutCaches(): Record<FontName, object> {
  if (!layoutCaches || ++lettersOnLayoutCaches > LAYOUT_CACHE_LETTERS) {
    layoutCaches = { regular: Object.create(null), bold: Object.create(null), italic: Object.create(null) };
    lettersOnLayoutCaches = 1;
  }
  return layoutCaches;
}

const PAGE = { width: 595.28, height: 841.89 }; // A4
const MARGIN = { left: 68, right: 62, top: 56, bottom: 62 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const RIGHT_COLUMN_X = 372;
const COLOR = { text: '#1a1a1a', muted: '#4a4a4a', accent: '#0b4f6c', notAppealable: '#8a4b00', health: '#2f6b2f' };
const SIZE = { body: 11.5, small: 9.5, h1: 19, h2: 14, h3: 12.5, sender: 17 };
const LINE_GAP = 2.2;

export interface RenderOptions {
  /** The PDF's creation date (metadata). Default: the decision date at noon UTC, so the same letter renders to the same bytes. */
  createdAt?: Date;
}

/** The decision letter as PDF bytes. */
export async function renderDecisionLetterPdf(letter: DecisionLetter, options: RenderOptions = {}): Promise<Uint8Array> {
  return renderLetterContent(composeDecisionLetter(letter), options.createdAt ?? new Date(`${letter.decisionDate}T12:00:00Z`));
}

export function renderLetterContent(content: LetterContent, createdAt: Date): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    pdfVersion: '1.7',
    // PDF/UA identification (pdfkit supports it; the type definitions lag behind).
    subset: 'PDF/UA' as never,
    tagged: true,
    lang: 'da-DK',
    displayTitle: true,
    info: {
      Title: content.documentTitle,
      Author: content.sender.name,
      Subject: content.title,
      Creator: 'Helhed',
      Producer: 'Helhed (pdfkit)',
      CreationDate: createdAt,
      ModDate: createdAt,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  const parsed = parsedFonts();
  const layouts = sharedLayoutCaches();
  for (const name of Object.keys(FONT_FILES) as FontName[]) {
    doc.registerFont(name, parsed[name] as never);
    // pdfkit caches the shaping of each word per document; share that cache across letters
    // (the subset and its glyph numbering stay per document: `encode` maps glyphs every time).
    doc.font(name);
    (doc as unknown as { _font: { layoutCache?: object } })._font.layoutCache = layouts[name];
  }
  new Layout(doc).render(content);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

class Layout {
  private readonly root: Struct;

  constructor(private readonly doc: Doc) {
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
  }

  render(c: LetterContent): void {
    const doc = this.doc;
    doc.fillColor(COLOR.text);
    this.letterhead(c);
    doc.x = MARGIN.left;
    doc.y = 244;
    this.add('H1', () => this.write(c.title, 'bold', SIZE.h1, { color: COLOR.accent }));
    doc.moveDown(0.6);
    c.blocks.forEach((block, i) => this.block(block, c.blocks.slice(i + 1, i + 3)));
    doc.moveDown(0.8);
    // The small print stays together, under its rule.
    this.keepSpace(c.closingLines.reduce((sum, line) => sum + this.textHeight(line, 'regular', SIZE.small, CONTENT_WIDTH), 24));
    this.artifact(() => this.rule(doc.y));
    doc.moveDown(0.6);
    for (const line of c.closingLines) this.add('P', () => this.write(line, 'regular', SIZE.small, { color: COLOR.muted }));
    this.root.end();
    this.pageNumbers(c.sender.name);
  }

  private letterhead(c: LetterContent): void {
    const doc = this.doc;
    this.add('P', () => {
      doc.font('bold').fontSize(SIZE.sender).fillColor(COLOR.accent);
      doc.text(c.sender.name, MARGIN.left, MARGIN.top, { width: RIGHT_COLUMN_X - MARGIN.left - 16, lineGap: LINE_GAP });
    });
    this.add('P', () => {
      doc.font('regular').fontSize(SIZE.small).fillColor(COLOR.muted);
      doc.text(c.sender.lines.join('\n'), RIGHT_COLUMN_X, MARGIN.top + 2, { width: PAGE.width - MARGIN.right - RIGHT_COLUMN_X, lineGap: 1 });
    });
    const afterHead = Math.max(doc.y, MARGIN.top + 40) + 10;
    this.artifact(() => this.rule(afterHead));
    // Recipient where a window envelope shows it; date and references on the right.
    this.add('P', () => {
      doc.font('regular').fontSize(SIZE.body).fillColor(COLOR.text);
      doc.text(c.recipientLines.join('\n'), MARGIN.left, 150, { width: RIGHT_COLUMN_X - MARGIN.left - 16, lineGap: LINE_GAP });
    });
    this.add('P', () => {
      doc.font('bold').fontSize(SIZE.body).fillColor(COLOR.text);
      doc.text(c.dateLine, RIGHT_COLUMN_X, 150, { width: PAGE.width - MARGIN.right - RIGHT_COLUMN_X, lineGap: LINE_GAP });
      doc.font('regular').fontSize(SIZE.small).fillColor(COLOR.muted);
      doc.text(c.referenceLines.join('\n'), { width: PAGE.width - MARGIN.right - RIGHT_COLUMN_X, lineGap: 1 });
    });
  }

  private block(block: LetterBlock, following: LetterBlock[]): void {
    const doc = this.doc;
    switch (block.kind) {
      case 'heading': {
        const size = block.level === 2 ? SIZE.h2 : SIZE.h3;
        // Keep a heading with what follows (up to two blocks, at least three lines).
        this.keepSpace(size * 2 + Math.min(200, Math.max(SIZE.body * 4.5, following.reduce((sum, b) => sum + this.blockHeight(b), 0))));
        doc.moveDown(block.level === 2 ? 0.9 : 0.5);
        this.add(block.level === 2 ? 'H2' : 'H3', () => this.write(block.text, 'bold', size, { color: block.level === 2 ? COLOR.accent : COLOR.text }));
        doc.moveDown(0.25);
        return;
      }
      case 'paragraph': {
        const size = block.tone === 'small' ? SIZE.small : SIZE.body;
        this.add('P', () => this.write(block.text, 'regular', size, { label: block.label }));
        doc.moveDown(0.45);
        return;
      }
      case 'list': {
        const list = doc.struct('L');
        this.root.add(list);
        for (const item of block.items) {
          const indent = 16;
          const height = this.textHeight(item, block.tone === 'quote' ? 'italic' : 'regular', SIZE.body, CONTENT_WIDTH - indent);
          this.keepSpace(Math.min(height, SIZE.body * 3));
          const li = doc.struct('LI');
          list.add(li);
          const top = doc.y;
          li.add(
            doc.struct('Lbl', {}, () => {
              doc.font('regular').fontSize(SIZE.body).fillColor(COLOR.accent);
              doc.text('•', MARGIN.left + 3, top, { lineBreak: false });
            }),
          );
          li.add(
            doc.struct('LBody', {}, () => {
              doc.fillColor(COLOR.text);
              doc.font(block.tone === 'quote' ? 'italic' : 'regular').fontSize(SIZE.body);
              doc.text(item, MARGIN.left + indent, top, { width: CONTENT_WIDTH - indent, lineGap: LINE_GAP });
            }),
          );
          li.end();
          doc.moveDown(0.2);
        }
        list.end();
        doc.x = MARGIN.left;
        doc.moveDown(0.35);
        return;
      }
      case 'notice': {
        const color = block.tone === 'deadline' ? COLOR.accent : block.tone === 'health' ? COLOR.health : COLOR.notAppealable;
        const inset = 12;
        const width = CONTENT_WIDTH - inset;
        const full = block.label ? `${block.label} ${block.text}` : block.text;
        const height = this.textHeight(full, 'regular', SIZE.body, width);
        this.keepSpace(height + 8);
        const top = doc.y;
        this.artifact(() => {
          doc.rect(MARGIN.left, top - 2, 3.5, height + 4).fill(color);
        });
        doc.fillColor(COLOR.text);
        this.add('P', () => this.write(block.text, 'regular', SIZE.body, { label: block.label, x: MARGIN.left + inset, width, labelColor: color }));
        doc.x = MARGIN.left;
        doc.moveDown(0.6);
        return;
      }
    }
  }

  /** Text at the current position; an optional bold label runs into it on the same line. */
  private write(
    text: string,
    font: FontName,
    size: number,
    opts: { label?: string; color?: string; labelColor?: string; x?: number; width?: number } = {},
  ): void {
    const doc = this.doc;
    const x = opts.x ?? MARGIN.left;
    const width = opts.width ?? CONTENT_WIDTH;
    doc.fontSize(size);
    if (opts.label) {
      doc.font('bold').fillColor(opts.labelColor ?? opts.color ?? COLOR.text);
      doc.text(`${opts.label} `, x, doc.y, { width, lineGap: LINE_GAP, continued: true });
      doc.font(font).fillColor(opts.color ?? COLOR.text).text(text, { width, lineGap: LINE_GAP });
    } else {
      doc.font(font).fillColor(opts.color ?? COLOR.text);
      doc.text(text, x, doc.y, { width, lineGap: LINE_GAP });
    }
    doc.fillColor(COLOR.text);
  }

  private blockHeight(block: LetterBlock): number {
    switch (block.kind) {
      case 'heading':
        return (block.level === 2 ? SIZE.h2 : SIZE.h3) * 2;
      case 'paragraph':
        return this.textHeight(block.label ? `${block.label} ${block.text}` : block.text, 'regular', SIZE.body, CONTENT_WIDTH) + SIZE.body * 0.5;
      case 'notice':
        return this.textHeight(block.label ? `${block.label} ${block.text}` : block.text, 'regular', SIZE.body, CONTENT_WIDTH - 12) + SIZE.body;
      case 'list':
        return block.items.reduce((sum, item) => sum + this.textHeight(item, 'regular', SIZE.body, CONTENT_WIDTH - 16) + 3, SIZE.body * 0.4);
    }
  }

  private textHeight(text: string, font: FontName, size: number, width: number): number {
    this.doc.font(font).fontSize(size);
    return this.doc.heightOfString(text, { width, lineGap: LINE_GAP });
  }

  /** A new page unless `height` fits above the bottom margin. */
  private keepSpace(height: number): void {
    if (this.doc.y + height > PAGE.height - MARGIN.bottom) this.doc.addPage();
  }

  private add(type: string, draw: () => void): void {
    this.root.add(this.doc.struct(type, {}, draw));
  }

  private artifact(draw: () => void): void {
    this.doc.markContent('Artifact', { type: 'Layout' });
    draw();
    this.doc.endMarkedContent();
  }

  private rule(y: number): void {
    this.doc.moveTo(MARGIN.left, y).lineTo(PAGE.width - MARGIN.right, y).lineWidth(0.6).strokeColor('#9aa5ab').stroke();
  }

  private pageNumbers(sender: string): void {
    const doc = this.doc;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0; // writing below the margin must not add a page
      doc.markContent('Artifact', { type: 'Pagination' });
      doc.font('regular').fontSize(SIZE.small).fillColor(COLOR.muted);
      doc.text(`${sender} · Side ${i + 1} af ${range.count}`, MARGIN.left, PAGE.height - 44, { width: CONTENT_WIDTH, align: 'right', lineBreak: false });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
  }
}
