import { sampleDecisionLetter } from '@helhed/core';
import { renderDecisionLetterPdf } from './src/letters/pdf';
for (let i = 0; i < 40; i++) await renderDecisionLetterPdf(sampleDecisionLetter());
const t = performance.now();
for (let i = 0; i < 20; i++) await renderDecisionLetterPdf(sampleDecisionLetter());
console.log('avg ms', (performance.now() - t) / 20);
