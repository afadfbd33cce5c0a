import { describe, expect, it } from 'vitest';
import { ACTIONS, decideAccess, POLICY, type Action, type Relation } from '../src/access-policy';
import type { Role } from '../src/vocabulary';

const allow = { allowed: true, basis: 'policy' };

describe('decideAccess: role + relation', () => {
  const cases: [Role[], Action, Relation, unknown][] = [
    [['coordinating_caseworker'], 'case.read', 'coordinator', allow],
    [['coordinating_caseworker'], 'case.read', 'team', allow],
    [['coordinating_caseworker'], 'case.read', 'none', { allowed: false, reason: 'relation' }],
    [['coordinating_caseworker'], 'case.update', 'contact', { allowed: false, reason: 'relation' }],
    [['coordinating_caseworker'], 'citizen.search', 'none', allow],
    [['coordinating_caseworker'], 'citizen.register', 'none', allow],
    [['coordinating_caseworker'], 'case.create', 'none', allow],
    [['specialist'], 'case.read', 'contact', allow],
    [['specialist'], 'consent.record', 'contact', { allowed: false, reason: 'role' }],
    [['specialist'], 'citizen.register', 'none', { allowed: false, reason: 'role' }],
    [['administrator'], 'case.read', 'coordinator', { allowed: false, reason: 'role' }],
    [['leader'], 'case.read', 'none', { allowed: false, reason: 'relation' }],
    [['citizen'], 'case.read', 'self', allow],
    [['citizen'], 'case.read', 'none', { allowed: false, reason: 'relation' }],
    [['citizen'], 'case.update', 'self', { allowed: false, reason: 'role' }],
    [['citizen'], 'audit.read_own', 'self', allow],
    [['specialist', 'coordinating_caseworker'], 'consent.record', 'team', allow],
    [['leader'], 'indicators.read', 'none', allow],
    [['administrator'], 'indicators.export', 'none', allow],
    // aggregates: a caseworker lacks the role, and no written reason opens them
    [['coordinating_caseworker'], 'indicators.read', 'none', { allowed: false, reason: 'role' }],
    [['specialist'], 'indicators.export', 'none', { allowed: false, reason: 'role' }],
    [['administrator'], 'organisation.manage', 'none', allow],
    [['leader'], 'organisation.read', 'none', allow],
    [['leader'], 'organisation.manage', 'none', { allowed: false, reason: 'role' }],
    [['coordinating_caseworker'], 'organisation.manage', 'none', { allowed: false, reason: 'role' }],
  ];
  it.each(cases)('%j %s as %s', (roles, action, relation, expected) => {
    expect(decideAccess({ roles, action, relation })).toEqual(expected);
  });
});

describe('decideAccess: aggregates are not opened by break-the-glass', () => {
  it('a caseworker with a written reason is still refused the indicators', () => {
    expect(decideAccess({ roles: ['coordinating_caseworker'], action: 'indicators.read', relation: 'none', breakGlassReason: 'Jeg vil gerne se tallene for kommunen' })).toEqual({
      allowed: false,
      reason: 'role',
    });
  });
});

describe('decideAccess: health data needs consent at the time of reading', () => {
  it('refuses a health read without consent, even for the coordinator', () => {
    expect(decideAccess({ roles: ['coordinating_caseworker'], action: 'health.read', relation: 'coordinator', healthConsent: false })).toEqual({
      allowed: false,
      reason: 'consent',
    });
  });
  it('allows it with consent', () => {
    expect(decideAccess({ roles: ['coordinating_caseworker'], action: 'health.read', relation: 'coordinator', healthConsent: true })).toEqual(allow);
  });
  it('lets the citizen read their own health data without a consent to themself', () => {
    expect(decideAccess({ roles: ['citizen'], action: 'health.read', relation: 'self', healthConsent: false })).toEqual(allow);
  });
  it('a specialist who is only a contact cannot read health data at all', () => {
    expect(decideAccess({ roles: ['specialist'], action: 'health.read', relation: 'contact', healthConsent: true })).toMatchObject({ allowed: false });
  });
});

describe('decideAccess: break-the-glass', () => {
  const reason = 'Borgeren er akut indlagt, og vagthavende skal kende planen';
  it('lets an employee read outside the relation with a written reason', () => {
    expect(decideAccess({ roles: ['coordinating_caseworker'], action: 'case.read', relation: 'none', breakGlassReason: reason })).toEqual({
      allowed: true,
      basis: 'break_glass',
    });
  });
  it('needs a reason of some substance', () => {
    expect(decideAccess({ roles: ['leader'], action: 'case.read', relation: 'none', breakGlassReason: 'fordi' })).toEqual({
      allowed: false,
      reason: 'break_glass_reason',
    });
  });
  it('never opens a write', () => {
    expect(decideAccess({ roles: ['coordinating_caseworker'], action: 'case.update', relation: 'none', breakGlassReason: reason })).toMatchObject({
      allowed: false,
    });
  });
  it('never overrides a missing health consent', () => {
    expect(
      decideAccess({ roles: ['coordinating_caseworker'], action: 'health.read', relation: 'none', breakGlassReason: reason, healthConsent: false }),
    ).toEqual({ allowed: false, reason: 'consent' });
  });
  it('is not available to administrators or citizens', () => {
    expect(decideAccess({ roles: ['administrator'], action: 'case.read', relation: 'none', breakGlassReason: reason })).toMatchObject({ allowed: false });
    expect(decideAccess({ roles: ['citizen'], action: 'case.read', relation: 'none', breakGlassReason: reason })).toMatchObject({ allowed: false });
  });
});

describe('the policy table', () => {
  it('names only known actions', () => {
    for (const grants of Object.values(POLICY)) for (const action of Object.keys(grants)) expect(ACTIONS).toContain(action);
  });
  it('gives citizens nothing but their own data', () => {
    for (const relations of Object.values(POLICY.citizen)) expect(relations).toEqual(['self']);
  });
  it('gives administrators no single citizen\'s data, only batch work (imports, screening runs, the not-started sweep, the indicators and their export) and the catalogue', () => {
    expect(Object.keys(POLICY.administrator).sort()).toEqual([
      'catalogue.manage',
      'catalogue.read',
      'import.run',
      'indicators.export',
      'indicators.read',
      'organisation.manage',
      'organisation.read',
      'screening.run',
      'visitation.sweep',
    ]);
  });
});
