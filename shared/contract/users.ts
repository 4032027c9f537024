// users.*: who can open the vault, with which role and passphrase.
import { z } from 'zod';
import { none, op, ROLES, roleSchema, type OpSpec, type Role } from './op';

export const passphrase = z.string().min(1).max(1024);
export const userName = z.string().trim().min(1).max(100);

export interface UserInfo {
  id: string;
  name: string;
  role: Role;
  createdAt: string;
  hasPassphrase: boolean;
  /** The user's current key and its certificate (null: no key yet, until their first unlock). */
  certificate: {
    status: 'pending' | 'certified' | 'superseded' | 'revoked' | 'retired';
    /** SHA-256 of the public key, AB:CD:… — what owner and user compare before certifying. */
    keyFingerprint: string;
    /** SHA-256 of the certificate; null while pending. */
    fingerprint: string | null;
    serial: string | null;
    revokedAt: string | null;
  } | null;
}

/** A rekey's outcome: the new recovery key (shown once), and who lost access (version 1 slots). */
export interface RekeyOutcome {
  recoveryKey: string;
  generation: number;
  usersWithoutAccess: string[];
}

export const usersOps = {
  'users.list': op<UserInfo[]>()({
    input: none,
    access: ROLES,
    job: false,
    writes: false,
    summary: 'The people who can open this vault and their roles',
  }),
  'users.add': op<UserInfo>()({
    input: z.strictObject({ name: userName, role: roleSchema, passphrase }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: 'Give a person access with a role and their own passphrase',
  }),
  'users.remove': op<{ removed: true } & RekeyOutcome>()({
    input: z.strictObject({ name: userName }),
    access: ['owner'],
    job: true,
    writes: true,
    summary:
      "Take a person's access away: the vault is re-encrypted under a new key, their certificate revoked",
  }),
  'users.certify': op<UserInfo>()({
    input: z.strictObject({
      name: userName,
      keyFingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/),
    }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: "Certify a person's key awaiting certification (after comparing its fingerprint with them)",
  }),
  'users.setRole': op<UserInfo>()({
    input: z.strictObject({ name: userName, role: roleSchema }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: "Change a person's role",
  }),
  'users.setPassphrase': op<{ changed: true }>()({
    input: z.strictObject({ name: userName, passphrase }),
    access: ROLES,
    job: false,
    writes: true,
    summary: "Change a passphrase (owners: anyone's; others: their own)",
  }),
} as const satisfies Record<string, OpSpec>;
