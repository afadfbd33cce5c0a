import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { OutboxPolicy } from '@helhed/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimDue, runOutboxOnce } from '../src/letters/outbox';
import { FileDropTransport, PermanentDeliveryError, type DeliveryReceipt, type LetterTransport, type OutgoingMessage } from '../src/letters/transport';
import { testDatabase } from './support/database';
import { findCitizen, freshMunicipality, loginEmployee, startHarness, type Harness } from './support/harness';
import { employeeAccess, issueLetter, letterFor } from './support/letters';

/** A transport that fails as told, then hands over to the file drop; it counts every call. */
class ScriptedTransport implements LetterTransport {
  readonly name = 'scripted';
  calls = new Map<string, number>();
  constructor(
    private readonly inner: LetterTransport,
    private readonly failures: (uuid: string, call: number) => Error | null,
  ) {}
  async deliver(message: OutgoingMessage): Promise<DeliveryReceipt> {
    const call = (this.calls.get(message.messageUuid) ?? 0) + 1;
    this.calls.set(message.messageUuid, call);
    const failure = this.failures(message.messageUuid, call);
    if (failure) throw failure;
    return this.inner.deliver(message);
  }
}

const POLICY: OutboxPolicy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 3_000, leaseMs: 60_000 };

describe('letter outbox: retry with backoff, permanent failure, idempotent delivery', () => {
  let h: Harness;
  let municipalityId: string;
  let dir: string;
  let issue: () => Promise<string>;
  const db = async () => (await testDatabase()).db;
  const row = async (id: string) =>
    (await db()).selectFrom('outbox_message').select(['status', 'attempts', 'next_attempt_at', 'last_error', 'delivered_at', 'locked_until']).where('id', '=', id).executeTakeFirstOrThrow();

  beforeAll(async () => {
    h = await startHarness();
    const m = await freshMunicipality();
    municipalityId = m.id;
    const mette = await loginEmployee(h.app, 'mette', m.code);
    const lotte = await findCitizen(mette, '120591-1002');
    const a = await employeeAccess(await db(), municipalityId, mette.me.id, h.clock.now);
    issue = async () => {
      const letter = letterFor(lotte.id, lotte.openCaseId!);
      await issueLetter(a, letter);
      return letter.letterId;
    };
    dir = await mkdtemp(path.join(tmpdir(), 'helhed-outbox-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  const run = async (transport: LetterTransport) => runOutboxOnce(await db(), transport, { municipalityId, now: h.clock.now, policy: POLICY });

  it('a failing transport is retried with growing waits, then the letter is failed permanently after the last attempt', async () => {
    const id = await issue();
    const transport = new ScriptedTransport(new FileDropTransport(dir), () => new Error('Digital Post svarer ikke (503)'));
    const t0 = h.clock.now().getTime();

    expect(await run(transport)).toMatchObject({ claimed: 1, retried: 1 });
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 1, last_error: 'Error: Digital Post svarer ikke (503)', locked_until: null });
    expect((await row(id)).next_attempt_at.getTime()).toBe(t0 + 1_000);

    h.clock.advance(999); // not due yet
    expect(await run(transport)).toMatchObject({ claimed: 0 });
    h.clock.advance(1);
    expect(await run(transport)).toMatchObject({ claimed: 1, retried: 1 });
    expect(await row(id)).toMatchObject({ status: 'queued', attempts: 2 });
    expect((await row(id)).next_attempt_at.getTime()).toBe(t0 + 1_000 + 2_000);

    h.clock.advance(2_000);
    await run(transport);
    expect((await row(id)).next_attempt_at.getTime()).toBe(t0 + 3_000 + 3_000); // capped at maxDelayMs
    h.clock.advance(3_000);
    expect(await run(transport)).toMatchObject({ claimed: 1, failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'failed_permanent', attempts: 4, delivered_at: null });
    expect(transport.calls.get(id)).toBe(4);

    h.clock.advance(3_600_000); // never taken again
    expect(await run(transport)).toMatchObject({ claimed: 0 });
    expect(await readdir(dir)).not.toContain(`${id}.xml`);
  });

  it('a transport that recovers delivers on a later attempt', async () => {
    const id = await issue();
    const transport = new ScriptedTransport(new FileDropTransport(dir), (_uuid, call) => (call <= 2 ? new Error('timeout') : null));
    await run(transport);
    h.clock.advance(1_000);
    await run(transport);
    h.clock.advance(2_000);
    expect(await run(transport)).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await row(id)).toMatchObject({ status: 'delivered', attempts: 3, last_error: null });
    expect(await readdir(dir)).toContain(`${id}.xml`);
  });

  it('a permanent refusal is not retried', async () => {
    const id = await issue();
    const transport = new ScriptedTransport(new FileDropTransport(dir), () => new PermanentDeliveryError('Modtageren kan ikke modtage post'));
    expect(await run(transport)).toMatchObject({ claimed: 1, failed: 1 });
    expect(await row(id)).toMatchObject({ status: 'failed_permanent', attempts: 1, last_error: 'PermanentDeliveryError: Modtageren kan ikke modtage post' });
  });

  it('a claim left by a dead worker is taken again when its lease runs out, and delivered once', async () => {
    const id = await issue();
    const d = await db();
    // A worker claims the message and dies before delivering.
    const claimed = await claimDue(d, h.clock.now(), POLICY, 50, 'dead-worker', municipalityId);
    expect(claimed.map((c) => c.id)).toContain(id);
    expect(await row(id)).toMatchObject({ status: 'sending', attempts: 1 });
    const transport = new ScriptedTransport(new FileDropTransport(dir), () => null);
    expect(await run(transport)).toMatchObject({ claimed: 0 }); // still leased
    h.clock.advance(POLICY.leaseMs);
    expect(await run(transport)).toMatchObject({ claimed: 1, delivered: 1 });
    expect(await row(id)).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(transport.calls.get(id)).toBe(1);
  });

  it('two workers at once: every message is claimed by one of them and delivered exactly once', async () => {
    const ids = await Promise.all(Array.from({ length: 6 }, () => issue()));
    const files = new FileDropTransport(dir);
    const a = new ScriptedTransport(files, () => null);
    const b = new ScriptedTransport(files, () => null);
    const d = await db();
    const [ra, rb] = await Promise.all([
      runOutboxOnce(d, a, { municipalityId, now: h.clock.now, policy: POLICY, batchSize: 2, workerId: 'a' }),
      runOutboxOnce(d, b, { municipalityId, now: h.clock.now, policy: POLICY, batchSize: 2, workerId: 'b' }),
    ]);
    expect(ra.delivered + rb.delivered).toBe(6);
    for (const id of ids) {
      expect((a.calls.get(id) ?? 0) + (b.calls.get(id) ?? 0), id).toBe(1);
      expect(await row(id)).toMatchObject({ status: 'delivered', attempts: 1 });
    }
  });
});

describe('file-drop transport', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'helhed-drop-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const message = (uuid: string, payload = '<x/>'): OutgoingMessage => ({ municipalityId: crypto.randomUUID(), messageUuid: uuid, format: 'memo-1.1', payload });

  it('delivering the same message twice writes one file and leaves the first content', async () => {
    const drop = new FileDropTransport(dir);
    const uuid = crypto.randomUUID();
    expect(await drop.deliver(message(uuid, '<first/>'))).toEqual({ reference: path.join(dir, `${uuid}.xml`), alreadyDelivered: false });
    expect(await drop.deliver(message(uuid, '<second/>'))).toEqual({ reference: path.join(dir, `${uuid}.xml`), alreadyDelivered: true });
    expect((await readdir(dir)).filter((f) => f.startsWith(uuid))).toEqual([`${uuid}.xml`]);
    expect(await readFile(path.join(dir, `${uuid}.xml`), 'utf8')).toBe('<first/>');
  });

  it('the same message delivered concurrently is written once, and no temporary file is left', async () => {
    const drop = new FileDropTransport(dir);
    const uuid = crypto.randomUUID();
    const receipts = await Promise.all(Array.from({ length: 8 }, () => drop.deliver(message(uuid))));
    expect(receipts.filter((r) => !r.alreadyDelivered)).toHaveLength(1);
    const names = await readdir(dir);
    expect(names.filter((f) => f.includes(uuid))).toEqual([`${uuid}.xml`]);
  });

  it('an id that is not a uuid is refused permanently (it would name a file)', async () => {
    await expect(new FileDropTransport(dir).deliver(message('../../etc/passwd'))).rejects.toBeInstanceOf(PermanentDeliveryError);
  });

  it('temporary files a killed writer left behind are swept; delivered files are not', async () => {
    const drop = new FileDropTransport(dir);
    const stale = path.join(dir, `.${crypto.randomUUID()}.xml.123.abcd.tmp`);
    const fresh = path.join(dir, `.${crypto.randomUUID()}.xml.124.abcd.tmp`);
    await writeFile(stale, '<half');
    await writeFile(fresh, '<half');
    const old = new Date(Date.now() - 10 * 60_000);
    await utimes(stale, old, old);
    const before = (await readdir(dir)).filter((f) => f.endsWith('.xml'));
    expect(await drop.sweepTemporaryFiles(60_000)).toBe(1);
    const after = await readdir(dir);
    expect(after).not.toContain(path.basename(stale));
    expect(after).toContain(path.basename(fresh)); // may belong to a writer still at work
    expect(after.filter((f) => f.endsWith('.xml'))).toEqual(before);
  });
});
