import type { Readable } from 'node:stream';

/**
 * Streams records out of CSV (RFC 4180: quoted fields may hold commas,
 * quotes and line breaks) or JSON Lines, one at a time, with the line number
 * where each record starts. Memory stays at one chunk plus one record.
 */
export async function* csvRecords(input: Readable): AsyncGenerator<{ line: number; fields: string[] }> {
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let line = 1;
  let recordLine = 1;
  let pendingCR = false;
  let any = false;
  for await (const chunk of input.setEncoding('utf8') as AsyncIterable<string>) {
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (pendingCR) {
        pendingCR = false;
        if (ch === '\n') continue;
      }
      if (quoted) {
        if (ch === '"') {
          if (chunk[i + 1] === '"') {
            field += '"';
            i++;
          } else {
            // closing quote — unless it is the first half of an escaped quote
            // split across chunks, which the next chunk's first character tells
            quoted = false;
            afterQuote = true;
          }
        } else {
          if (ch === '\n') line++;
          field += ch;
        }
        continue;
      }
      if (afterQuote && ch === '"') {
        // the escaped quote was split across chunks
        field += '"';
        quoted = true;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (ch === '"' && field === '') {
        quoted = true;
        any = true;
      } else if (ch === ',') {
        fields.push(field);
        field = '';
        any = true;
      } else if (ch === '\n' || ch === '\r') {
        fields.push(field);
        if (any || fields.length > 1 || fields[0] !== '') yield { line: recordLine, fields };
        fields = [];
        field = '';
        any = false;
        line++;
        recordLine = line;
        pendingCR = ch === '\r';
      } else {
        field += ch;
        any = true;
      }
    }
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'Et felt i anførselstegn slutter ikke.');
  if (any || field !== '' || fields.length > 0) {
    fields.push(field);
    yield { line: recordLine, fields };
  }
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly detail: string,
  ) {
    super(`line ${line}: ${detail}`);
  }
}

/** Lines of a JSON Lines stream, without their line breaks; blank lines skipped. */
export async function* jsonLines(input: Readable): AsyncGenerator<{ line: number; text: string }> {
  let rest = '';
  let line = 0;
  for await (const chunk of input.setEncoding('utf8') as AsyncIterable<string>) {
    const buffer = rest + chunk;
    let start = 0;
    let nl: number;
    while ((nl = buffer.indexOf('\n', start)) >= 0) {
      line++;
      const text = buffer.slice(start, buffer[nl - 1] === '\r' ? nl - 1 : nl);
      start = nl + 1;
      if (text.trim()) yield { line, text };
    }
    rest = buffer.slice(start);
  }
  if (rest.trim()) yield { line: line + 1, text: rest.replace(/\r$/, '') };
}
