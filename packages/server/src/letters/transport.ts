/**
 * How a MeMo message leaves Helhed. The outbox worker hands each message to a
 * `LetterTransport`; the transport must be idempotent on the message UUID
 * (handing it the same message twice delivers it once), because a worker
 * killed after delivering but before recording it will deliver it again.
 *
 * Built: `FileDropTransport` (a directory another system picks up from;
 * also what development and tests use). Not built: a transport that talks to
 * Digital Post (NgDP) itself — it needs Serviceplatformen and the
 * municipality's system certificate, neither reachable from here. Such a
 * transport implements `LetterTransport` and must: send the stored MeMo XML
 * unchanged; treat the messageUUID as the idempotency key (Digital Post
 * refusing a known UUID = `alreadyDelivered`); map "invalid message" /
 * "unknown recipient" to `PermanentDeliveryError` and timeouts / 5xx to plain
 * errors (retried); return Digital Post's transaction id as the reference.
 */
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { link, mkdir, open, readdir, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface OutgoingMessage {
  municipalityId: string;
  /** The MeMo messageUUID: the idempotency key. */
  messageUuid: string;
  format: 'memo-1.1';
  /** The MeMo XML. */
  payload: string;
}

export interface DeliveryReceipt {
  /** The transport's reference (a file path, Digital Post's transaction id …). */
  reference: string;
  /** True when the transport already had this message: nothing was sent again. */
  alreadyDelivered: boolean;
}

export interface LetterTransport {
  readonly name: string;
  /**
   * Delivers the message or throws. Throw `PermanentDeliveryError` when a
   * retry cannot help (the message is refused as invalid, the recipient
   * cannot receive); any other error is retried with backoff.
   */
  deliver(message: OutgoingMessage): Promise<DeliveryReceipt>;
}

/** Retrying will not help: the outbox marks the message failed at once. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Writes each message as `<messageUUID>.xml` into a directory, atomically:
 * the XML goes to a temporary file in the same directory, is fsynced, then
 * hard-linked to its name (which, unlike rename, never replaces a file that
 * is there) and the directory fsynced. A reader never sees a
 * half-written `.xml`; a crash leaves at most a temporary file (`.*.tmp`,
 * removed by `sweepTemporaryFiles`). A message whose file already exists is
 * not written again.
 */
export class FileDropTransport implements LetterTransport {
  readonly name = 'file-drop';

  constructor(readonly directory: string) {}

  fileFor(messageUuid: string): string {
    if (!UUID.test(messageUuid)) throw new PermanentDeliveryError(`Ugyldigt besked-id: ${messageUuid}`);
    return path.join(this.directory, `${messageUuid.toLowerCase()}.xml`);
  }

  async deliver(message: OutgoingMessage): Promise<DeliveryReceipt> {
    const target = this.fileFor(message.messageUuid);
    await mkdir(this.directory, { recursive: true });
    if (await exists(target)) return { reference: target, alreadyDelivered: true };
    const temporary = path.join(this.directory, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const handle = await open(temporary, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY, 0o640);
    try {
      await handle.writeFile(message.payload, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    // link() never replaces: if another worker dropped the same message meanwhile, this one is not delivered again.
    let alreadyDelivered = false;
    try {
      await link(temporary, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        await unlink(temporary).catch(() => undefined);
        throw error;
      }
      alreadyDelivered = true;
    }
    await unlink(temporary);
    await syncDirectory(this.directory);
    return { reference: target, alreadyDelivered };
  }

  /** Removes temporary files left by a process killed while writing (older than `olderThanMs`). */
  async sweepTemporaryFiles(olderThanMs = 60_000, now = Date.now()): Promise<number> {
    let removed = 0;
    const names = await readdir(this.directory).catch(() => [] as string[]);
    for (const name of names) {
      if (!name.startsWith('.') || !name.endsWith('.tmp')) continue;
      const file = path.join(this.directory, name);
      const info = await stat(file).catch(() => null);
      if (info && now - info.mtimeMs >= olderThanMs) {
        await unlink(file).catch(() => undefined);
        removed++;
      }
    }
    return removed;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, constants.O_RDONLY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
