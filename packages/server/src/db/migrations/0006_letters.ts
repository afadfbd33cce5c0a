import { sql, type Kysely } from 'kysely';
import { APP_ROLE, tenantTable } from './tenant-security';

/**
 * Letters (issue 5): the decision letter as sent — frozen content, PDF and
 * metadata for the citizen's letter list — and the outbox that delivers its
 * MeMo message with retry. A letter is never changed once written; the
 * outbox row carries the delivery state.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table letter (
      municipality_id uuid not null references municipality (id),
      -- The DecisionLetter's letterId: also the MeMo messageUUID and the idempotency key.
      id uuid not null,
      citizen_id uuid not null,
      case_id uuid not null,
      decision_id uuid not null,
      kind text not null check (kind in ('decision')),
      scope text not null check (scope in ('combined', 'sector')),
      sector text,
      title text not null,
      sender_name text not null,
      signed_by text not null,
      rule_set_id text not null,
      rule_set_label text not null,
      -- The legal bases of the elements, as printed ('Serviceloven § 85').
      legal_bases jsonb not null,
      decision_date date not null,
      complaint_deadline date not null,
      channel text not null check (channel in ('digital_post', 'ordinary_post')),
      content jsonb not null,
      content_sha256 text not null,
      pdf bytea not null,
      pdf_sha256 text not null,
      created_at timestamptz not null,
      created_by text not null,
      primary key (municipality_id, id),
      foreign key (municipality_id, citizen_id) references citizen (municipality_id, id),
      foreign key (municipality_id, case_id) references holistic_case (municipality_id, id)
    );
    create index letter_citizen on letter (municipality_id, citizen_id, created_at desc);
    create index letter_decision on letter (municipality_id, decision_id);
    create trigger letter_append_only before update or delete on letter
      for each row execute function helhed_refuse_change();

    create table outbox_message (
      municipality_id uuid not null,
      -- The message UUID the transport deduplicates on (= letter id for decision letters).
      id uuid not null,
      letter_id uuid not null,
      format text not null check (format in ('memo-1.1')),
      payload text not null,
      status text not null check (status in ('queued', 'sending', 'delivered', 'failed_permanent')),
      attempts integer not null default 0,
      next_attempt_at timestamptz not null,
      -- While 'sending': the claim's lease; a claim whose lease ran out (a killed worker) is taken again.
      locked_until timestamptz,
      locked_by text,
      last_error text,
      delivered_at timestamptz,
      receipt text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (municipality_id, id),
      unique (municipality_id, letter_id),
      foreign key (municipality_id, letter_id) references letter (municipality_id, id),
      check (status <> 'sending' or locked_until is not null),
      check (status <> 'delivered' or delivered_at is not null)
    );
    create index outbox_message_due on outbox_message (next_attempt_at) where status in ('queued', 'sending');
  `.execute(db);
  await tenantTable(db, 'letter');
  await tenantTable(db, 'outbox_message');
  // Requests insert letters and read them; only the delivery worker (the schema owner) changes outbox rows.
  await sql`revoke update, delete on letter from ${sql.raw(APP_ROLE)}`.execute(db);
  await sql`revoke update, delete on outbox_message from ${sql.raw(APP_ROLE)}`.execute(db);
}
