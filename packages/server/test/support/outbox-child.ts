/**
 * A delivery worker that stops dead in the middle of a delivery: it delivers
 * messages through the file drop and, right after the PAUSE_AFTER-th message
 * is written but before the outbox records it, prints `PAUSED <uuid>` and
 * waits to be killed. Used by letter-durability.test.ts.
 */
import { DEFAULT_OUTBOX_POLICY } from '@helhed/core';
import { readConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { runOutboxOnce } from '../../src/letters/outbox';
import { readOutboxConfig } from '../../src/letters/outbox-runtime';
import { FileDropTransport, type OutgoingMessage } from '../../src/letters/transport';

const pauseAfter = Number(process.env.PAUSE_AFTER ?? '1');
const config = readOutboxConfig();
const drop = new FileDropTransport(config.directory);
const database = await openDatabase(readConfig());
let delivered = 0;
await runOutboxOnce(database.db, {
  name: 'file-drop',
  async deliver(message: OutgoingMessage) {
    const receipt = await drop.deliver(message);
    if (++delivered === pauseAfter) {
      process.stdout.write(`PAUSED ${message.messageUuid}\n`);
      setInterval(() => undefined, 60_000);
      await new Promise(() => undefined);
    }
    return receipt;
  },
}, { policy: { ...DEFAULT_OUTBOX_POLICY, leaseMs: config.policy.leaseMs }, batchSize: 3 });
process.stdout.write('FINISHED WITHOUT PAUSE\n');
await database.close();
