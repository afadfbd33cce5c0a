/** The reform's indicators (leaders, administrators), their CSV and the pseudonymised export. */
import type { api } from '@helhed/core';

export type Indicators = (typeof api.Indicators)['_output'];
export type Period = { from: string; to: string };

const query = (p: Period) => `from=${encodeURIComponent(p.from)}&to=${encodeURIComponent(p.to)}`;

export const indicatorsPath = (p: Period) => `/api/indicators?${query(p)}`;
export const indicatorTablesPath = (p: Period) => `/api/indicators/tables.csv?${query(p)}`;
export const evaluationExportPath = '/api/indicators/evaluation-export.csv';
