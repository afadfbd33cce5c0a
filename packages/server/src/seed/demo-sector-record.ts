import { recordHash } from '../imports/feed-rows';
import type { DemoSectorRecord } from './demo-types';

/** A demo record as the import would have stored it (same content hash, so a re-import of it is a no-op). */
export function demoSectorRecordRow(municipalityId: string, citizenId: string, cprDigits: string, externalId: string, r: DemoSectorRecord) {
  return {
    municipality_id: municipalityId,
    id: crypto.randomUUID(),
    citizen_id: citizenId,
    external_id: externalId,
    content_hash: recordHash({ cpr: cprDigits, kind: r.kind, sector: r.sector, code: r.code, title: r.title, legalBasis: r.legalBasis, start: r.start, end: r.end ?? null }),
    kind: r.kind,
    sector: r.sector,
    code: r.code,
    title: r.title,
    legal_basis: r.legalBasis,
    start_date: r.start,
    end_date: r.end ?? null,
    source_system: r.sourceSystem,
  };
}
