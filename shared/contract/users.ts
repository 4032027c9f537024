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
  'users.remove': op<{ removed: true }>()({
    input: z.strictObject({ name: userName }),
    access: ['owner'],
    job: false,
    writes: true,
    summary: "Take a person's access away (their key slot is destroyed)",
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
