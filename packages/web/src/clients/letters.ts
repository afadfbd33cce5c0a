/** The citizen's letters (decisions as sent) and their PDFs. */
import type { api } from '@helhed/core';
import { seg } from '../api';

export const lettersPath = (citizenId: string) => `/api/citizens/${seg(citizenId)}/letters`;
export const letterPdfUrl = (letterId: string) => `/api/letters/${seg(letterId)}/pdf`;

export type LetterList = (typeof api.LetterList)['_output'];
export type Letter = LetterList['items'][number];
