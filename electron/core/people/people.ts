// people.*: who holds which duty in the closure, their signed confidentiality undertakings (the scan is
// kept inside the vault) and the training log. Staff and advisers, never customers.
import { randomUUID } from 'node:crypto';
import type {
  ClosurePerson,
  OpParsedInput,
  PeopleAndTraining,
  TrainingSession,
} from '../../../shared/contract';
import { readEvidenceFile, storeEvidenceFile } from '../compliance/evidence-files';
import { EngineError } from '../kernel/engine-error';
import type { VaultDb } from '../vault/database';
import type { OpenVault } from '../vault/open-vault';

interface PersonRow {
  id: string;
  name: string;
  duty: ClosurePerson['duty'];
  organisation: string | null;
  contact: string | null;
  added_at: string;
  undertaking_signed_at: string | null;
  undertaking_file_id: string | null;
  file_name: string | null;
  file_sha256: string | null;
}

interface TrainingRow {
  id: string;
  held_on: string;
  topic: string;
  trainer: string;
  attendees: string;
  note: string;
  recorded_at: string;
  recorded_by: string | null;
}

function trainingSessions(db: VaultDb): TrainingSession[] {
  const names = new Map(
    (db.prepare('SELECT id, name FROM closure_people').all() as Array<{ id: string; name: string }>).map(
      (p) => [p.id, p.name],
    ),
  );
  return (
    db.prepare('SELECT * FROM training_log ORDER BY held_on DESC, recorded_at DESC').all() as TrainingRow[]
  ).map((r) => ({
    id: r.id,
    heldOn: r.held_on,
    topic: r.topic,
    trainer: r.trainer,
    attendees: (JSON.parse(r.attendees) as string[]).map((id) => ({ id, name: names.get(id) ?? '?' })),
    note: r.note,
    recordedAt: r.recorded_at,
    recordedBy: r.recorded_by,
  }));
}

export function listPeople(vault: OpenVault): PeopleAndTraining {
  const training = trainingSessions(vault.db);
  const lastTrained = new Map<string, string>();
  for (const s of training)
    for (const a of s.attendees) if (!lastTrained.has(a.id)) lastTrained.set(a.id, s.heldOn);
  const rows = vault.db
    .prepare(
      `SELECT p.*, f.name AS file_name, f.sha256 AS file_sha256 FROM closure_people p
       LEFT JOIN compliance_files f ON f.id = p.undertaking_file_id
       WHERE p.removed_at IS NULL ORDER BY p.added_at, p.id`,
    )
    .all() as PersonRow[];
  const people = rows.map((r): ClosurePerson => ({
    id: r.id,
    name: r.name,
    duty: r.duty,
    organisation: r.organisation,
    contact: r.contact,
    addedAt: r.added_at,
    undertaking: r.undertaking_signed_at
      ? {
          signedOn: r.undertaking_signed_at,
          file:
            r.undertaking_file_id && r.file_name && r.file_sha256
              ? { id: r.undertaking_file_id, name: r.file_name, sha256: r.file_sha256 }
              : null,
        }
      : null,
    lastTrainedOn: lastTrained.get(r.id) ?? null,
  }));
  return { people, training };
}

export function findPerson(vault: OpenVault, id: string): ClosurePerson {
  const person = listPeople(vault).people.find((p) => p.id === id);
  if (!person) throw new EngineError('PERSON_NOT_FOUND', { id });
  return person;
}

export function savePerson(
  vault: OpenVault,
  input: OpParsedInput<'people.save'>,
  now = new Date(),
): ClosurePerson {
  if (input.id) findPerson(vault, input.id);
  const id = input.id ?? randomUUID();
  vault.change(
    () => ({ op: 'people.save', params: { id, duty: input.duty, new: !input.id }, outcome: 'ok' }),
    () =>
      input.id
        ? vault.db
            .prepare(
              'UPDATE closure_people SET name = ?, duty = ?, organisation = ?, contact = ? WHERE id = ?',
            )
            .run(input.name, input.duty, input.organisation ?? null, input.contact ?? null, id)
        : vault.db
            .prepare(
              'INSERT INTO closure_people (id, name, duty, organisation, contact, added_at) VALUES (?, ?, ?, ?, ?, ?)',
            )
            .run(
              id,
              input.name,
              input.duty,
              input.organisation ?? null,
              input.contact ?? null,
              now.toISOString(),
            ),
  );
  return findPerson(vault, id);
}

export function removePerson(
  vault: OpenVault,
  input: { id: string },
  now = new Date(),
): { removed: boolean } {
  findPerson(vault, input.id);
  vault.change(
    () => ({ op: 'people.remove', params: { id: input.id }, outcome: 'ok' }),
    () =>
      vault.db
        .prepare('UPDATE closure_people SET removed_at = ? WHERE id = ?')
        .run(now.toISOString(), input.id),
  );
  return { removed: true };
}

export function recordUndertaking(
  vault: OpenVault,
  input: OpParsedInput<'people.recordUndertaking'>,
  now = new Date(),
): ClosurePerson {
  findPerson(vault, input.id);
  const file = input.file ? readEvidenceFile(input.file) : null;
  vault.change(
    (stored) => ({
      op: 'people.recordUndertaking',
      params: {
        id: input.id,
        signedOn: input.signedOn,
        file: stored ? { sha256: stored.sha256, size: stored.size } : null,
      },
      outcome: 'ok',
    }),
    () => {
      const stored = file ? storeEvidenceFile(vault.db, file, now.toISOString(), vault.actor.userName) : null;
      vault.db
        .prepare(
          `UPDATE closure_people SET undertaking_signed_at = ?,
             undertaking_file_id = COALESCE(?, undertaking_file_id) WHERE id = ?`,
        )
        .run(input.signedOn, stored?.id ?? null, input.id);
      return stored;
    },
  );
  return findPerson(vault, input.id);
}

export function addTraining(
  vault: OpenVault,
  input: OpParsedInput<'people.addTraining'>,
  now = new Date(),
): TrainingSession {
  const known = new Set(listPeople(vault).people.map((p) => p.id));
  for (const id of input.attendees) if (!known.has(id)) throw new EngineError('PERSON_NOT_FOUND', { id });
  const id = randomUUID();
  vault.change(
    () => ({
      op: 'people.addTraining',
      params: { id, heldOn: input.heldOn },
      counts: { attendees: new Set(input.attendees).size },
      outcome: 'ok',
    }),
    () =>
      vault.db
        .prepare(
          `INSERT INTO training_log (id, held_on, topic, trainer, attendees, note, recorded_at, recorded_by)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          input.heldOn,
          input.topic,
          input.trainer,
          JSON.stringify([...new Set(input.attendees)]),
          input.note,
          now.toISOString(),
          vault.actor.userName,
        ),
  );
  return trainingSessions(vault.db).find((s) => s.id === id) as TrainingSession;
}
