// The CLI's commands, one file per command group. Hand-written ones give an operation friendly
// arguments; every other operation of the contract is still reachable as a generic command
// (`closeout <namespace> <verb> [FILE] --input JSON`, generic.ts). A command with `vault: true` takes the
// vault FILE as its first argument: the CLI unlocks it (with --passphrase-file / CLOSEOUT_PASSPHRASE, or
// --recovery-key-file), runs the operation, and locks it.
import type { CommandDef } from '../command-def';
import { analyticsCommands } from './analytics';
import { appCommands } from './app';
import { auditCommands } from './audit';
import { backupCommands } from './backup';
import { certificateCommands } from './certificate';
import { classifyCommands } from './classify';
import { dedupeCommands } from './dedupe';
import { disposeCommands } from './dispose';
import { evidenceCommands } from './evidence';
import { handoverCommands } from './handover';
import { importCommands } from './import';
import { incidentCommands } from './incident';
import { planCommands } from './plan';
import { recordsCommands } from './records';
import { reportCommands } from './report';
import { requestCommands } from './request';
import { riskCommands } from './risk';
import { usersCommands } from './users';
import { vaultCommands } from './vault';
import { wipeCommands } from './wipe';

/** The order of the top-level commands in `closeout --help`, as users have known it. */
const HELP_ORDER = [
  'records',
  'classify',
  'dispose',
  'stats',
  'rules',
  'dedupe',
  'info',
  'app',
  'vault',
  'audit',
  'backup',
  'import',
  'plan',
  'report',
  'risk',
  'request',
  'incident',
  'drill',
  'analytics',
  'evidence',
  'wipe',
  'certificate',
  'handover',
];
const rank = (def: CommandDef) => HELP_ORDER.indexOf(def.path[0]);

export const commands: readonly CommandDef[] = [
  ...recordsCommands,
  ...classifyCommands,
  ...disposeCommands,
  ...dedupeCommands,
  ...appCommands,
  ...vaultCommands,
  ...usersCommands,
  ...auditCommands,
  ...backupCommands,
  ...importCommands,
  ...planCommands,
  ...reportCommands,
  ...riskCommands,
  ...requestCommands,
  ...incidentCommands,
  ...analyticsCommands,
  ...evidenceCommands,
  ...wipeCommands,
  ...certificateCommands,
  ...handoverCommands,
].sort((a, b) => rank(a) - rank(b));
