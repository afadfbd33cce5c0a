/**
 * The decision letter as a MeMo 1.1 message for Digital Post (SPEC §10).
 *
 * Element order follows the MeMo schema's sequences (MessageHeader:
 * messageType, messageUUID, label, …, replyByDateTime, …, mandatory,
 * legalNotification, Sender, Recipient, ContentData; MessageBody:
 * createdDateTime, MainDocument{File+, Action*}). Optional elements we have
 * nothing for are left out. The letter PDF (with the decision and its one
 * complaint guidance) is the main document; the complaint deadline is the
 * message's replyByDateTime (end of that day, Danish time); a SELVBETJENING
 * action links to the complaint page when the municipality has one.
 */
import type { DecisionLetter } from '@helhed/core';

export const MEMO_NAMESPACE = 'https://DigitalPost.dk/MeMo-1';
export const GRD_NAMESPACE = 'https://data.gov.dk/model/core/';
export const MEMO_VERSION = '1.1';
/** The case system named in ContentData/CaseID. */
export const CASE_SYSTEM = 'Helhed';

// Characters XML 1.0 does not allow at all (C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/FFFF).
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML character data or attribute value: invalid characters dropped, markup escaped. */
export function xmlEscape(value: string): string {
  return value
    .replace(INVALID_XML_CHARS, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

type Node = [name: string, content: string | Node[] | null | undefined];

function serialize(node: Node, indent: string, out: string[]): void {
  const [name, content] = node;
  if (content === null || content === undefined) return;
  if (typeof content === 'string') {
    out.push(`${indent}<${name}>${xmlEscape(content)}</${name}>`);
    return;
  }
  out.push(`${indent}<${name}>`);
  for (const child of content) serialize(child, `${indent}  `, out);
  out.push(`${indent}</${name}>`);
}

/**
 * The end of a Danish calendar day as an xs:dateTime with its offset, e.g.
 * '2026-05-05' → '2026-05-05T23:59:59+02:00' (summer) or '+01:00' (winter).
 * Daylight saving changes at night, so noon's offset holds at 23:59.
 */
export function endOfDanishDay(date: string): string {
  const noon = new Date(`${date}T12:00:00Z`);
  const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Copenhagen', hour: '2-digit', hourCycle: 'h23' }).format(noon));
  const offset = hour - 12;
  return `${date}T23:59:59+${String(offset).padStart(2, '0')}:00`;
}

export function pdfFilename(letter: Pick<DecisionLetter, 'decisionDate'>): string {
  return `afgoerelse-${letter.decisionDate}.pdf`;
}

export interface MemoOptions {
  /** When the message was made (MessageBody/createdDateTime). */
  createdAt: Date;
}

/** The MeMo 1.1 XML for a decision letter with its PDF as the main document. */
export function buildMemoMessage(letter: DecisionLetter, pdf: Uint8Array, options: MemoOptions): string {
  const deadline = endOfDanishDay(letter.complaintGuidance.deadline);
  const cpr = letter.recipient.cpr.replace('-', '');
  const actions: Node[] = letter.complaintGuidance.complaintUrl
    ? [
        [
          'memo:Action',
          [
            ['memo:label', 'Klag over afgørelsen'],
            ['memo:actionCode', 'SELVBETJENING'],
            ['memo:endDateTime', deadline],
            ['memo:EntryPoint', [['memo:url', letter.complaintGuidance.complaintUrl]]],
          ],
        ],
      ]
    : [];
  const message: Node = [
    'memo:Message',
    [
      [
        'memo:MessageHeader',
        [
          ['memo:messageType', 'DIGITALPOST'],
          ['memo:messageUUID', letter.letterId],
          ['memo:label', letter.title],
          ['memo:replyByDateTime', deadline],
          ['memo:mandatory', 'true'],
          ['memo:legalNotification', 'true'],
          [
            'memo:Sender',
            [
              ['memo:senderID', letter.municipality.cvr],
              ['memo:idType', 'CVR'],
              ['memo:label', letter.municipality.name],
            ],
          ],
          [
            'memo:Recipient',
            [
              ['memo:recipientID', cpr],
              ['memo:idType', 'CPR'],
              ['memo:label', letter.recipient.name],
            ],
          ],
          [
            'memo:ContentData',
            [
              [
                'grd:CPRdata',
                [
                  ['grd:cprNumber', cpr],
                  ['grd:name', letter.recipient.name],
                ],
              ],
              [
                'memo:CaseID',
                [
                  ['memo:caseID', letter.caseId],
                  ['memo:caseSystem', CASE_SYSTEM],
                ],
              ],
              [
                'memo:AdditionalContentData',
                [
                  ['memo:contentDataType', 'decisionID'],
                  ['memo:contentDataName', 'Afgørelse'],
                  ['memo:contentDataValue', letter.decisionId],
                ],
              ],
            ],
          ],
        ],
      ],
      [
        'memo:MessageBody',
        [
          ['memo:createdDateTime', options.createdAt.toISOString()],
          [
            'memo:MainDocument',
            [
              ['memo:mainDocumentID', letter.decisionId],
              ['memo:label', letter.title],
              [
                'memo:File',
                [
                  ['memo:encodingFormat', 'application/pdf'],
                  ['memo:filename', pdfFilename(letter)],
                  ['memo:language', 'da'],
                  ['memo:content', Buffer.from(pdf).toString('base64')],
                ],
              ],
              ...actions,
            ],
          ],
        ],
      ],
    ],
  ];
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  serialize(message, '', out);
  // Namespaces and version on the root element.
  out[1] = `<memo:Message xmlns:memo="${MEMO_NAMESPACE}" xmlns:grd="${GRD_NAMESPACE}" memoVersion="${MEMO_VERSION}">`;
  return `${out.join('\n')}\n`;
}
