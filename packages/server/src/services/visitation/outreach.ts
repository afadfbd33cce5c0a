import { cprDanishError, parseCpr, todayInCopenhagen, type api } from '@helhed/core';
import type { z } from 'zod';
import type { Access } from '../../access/access';
import type { Tx } from '../../db/transactions';
import { invalid } from '../../errors';
import { recordCaseEvent } from '../case-events';
import { insertCase } from '../cases';

type Body = z.infer<typeof api.OutreachRegistrationBody>;
type Result = z.infer<typeof api.OutreachRegistration>;

/**
 * Outreach quick registration (fremskudt myndighed, SPEC C13): a citizen met
 * at a shelter or on the street, with few details — a CPR number if known,
 * otherwise name, approximate birth year and sex — and a case opened for
 * coordinating housing, substance abuse and psychiatric treatment, whatever
 * the employment prospects. A known CPR finds the registered citizen and
 * their open case instead of making duplicates.
 */
export async function registerOutreach(a: Access, body: Body): Promise<Result> {
  const today = todayInCopenhagen(a.ctx.now());
  const cpr = body.cpr ? parseCpr(body.cpr) : null;
  if (cpr && !cpr.ok) throw invalid(cprDanishError(cpr.error), [{ path: 'body.cpr', code: `cpr.${cpr.error}`, message: cprDanishError(cpr.error) }], 'invalid-cpr');
  if (!cpr) {
    const errors = [
      ...(body.approximateBirthYear === undefined ? [{ path: 'body.approximateBirthYear', code: 'required', message: 'Anslået fødselsår mangler.' }] : []),
      ...(body.sex === undefined ? [{ path: 'body.sex', code: 'required', message: 'Køn mangler.' }] : []),
    ];
    if (errors.length) throw invalid('Uden CPR-nummer skal borgeren registreres med anslået fødselsår og køn.', errors);
    if (body.approximateBirthYear! > Number(today.slice(0, 4))) {
      throw invalid('Fødselsåret ligger i fremtiden.', [{ path: 'body.approximateBirthYear', code: 'future', message: 'Fødselsåret ligger i fremtiden.' }]);
    }
  }
  const digits = cpr?.ok ? cpr.cpr.digits : null;
  const findId = async (tx: Tx) => (digits ? ((await tx.selectFrom('citizen').select('id').where('cpr', '=', digits).executeTakeFirst())?.id ?? null) : null);
  const me = a.ctx.principal;
  return a.gateway.run(
    a.ctx,
    { action: 'outreach.register', subject: digits ? { search: { cpr: digits }, resolve: findId } : { newCitizen: true }, resourceType: 'outreach_registration' },
    async (g) => {
      const tx = g.tx;
      const now = a.ctx.now();
      if (body.teamId && !(await tx.selectFrom('team').select('id').where('id', '=', body.teamId).executeTakeFirst())) {
        throw invalid('Teamet findes ikke.', [{ path: 'body.teamId', code: 'unknown-team', message: 'Ukendt team.' }]);
      }
      let citizenId = g.citizenId;
      const citizenCreated = citizenId === null;
      if (citizenId === null) {
        citizenId = crypto.randomUUID();
        await tx
          .insertInto('citizen')
          .values({
            municipality_id: me.municipalityId,
            id: citizenId,
            cpr: digits,
            birth_date: cpr?.ok ? cpr.cpr.birthDate : `${body.approximateBirthYear}-01-01`,
            birth_date_approximate: !cpr?.ok,
            sex: cpr?.ok ? cpr.cpr.sex : body.sex!,
            name: body.name,
            address: body.contactHint ?? '',
            registered_at: now,
          })
          .execute();
      }
      const open = await tx.selectFrom('holistic_case').select('id').where('citizen_id', '=', citizenId).where('closed_at', 'is', null).executeTakeFirst();
      let caseId = open?.id ?? null;
      const caseOpened = caseId === null;
      if (caseId === null) {
        caseId = await insertCase(tx, a.ctx, { citizenId, coordinatorEmployeeId: me.id, coordinatorTeamId: body.teamId ?? null, event: { outreach: true } });
      }
      const id = crypto.randomUUID();
      await tx
        .insertInto('outreach_registration')
        .values({
          municipality_id: me.municipalityId,
          id,
          citizen_id: citizenId,
          case_id: caseId,
          site: body.site,
          team_id: body.teamId ?? null,
          needs: JSON.stringify(body.needs),
          note: body.note ?? '',
          contact_hint: body.contactHint ?? null,
          registered_by: me.id!,
          registered_at: now,
        })
        .execute();
      await recordCaseEvent(tx, a.ctx, caseId, 'outreach_registered', { registrationId: id, site: body.site, needs: body.needs, identified: digits !== null });
      g.setResourceId(id);
      return { id, citizenId, caseId, citizenCreated, caseOpened, identified: digits !== null, site: body.site, needs: body.needs };
    },
  );
}
