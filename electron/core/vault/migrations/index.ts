// Numbered migrations, applied in order inside one transaction each; PRAGMA user_version is the schema
// version. Released migration files are never edited: a change is a new file.
import * as m0001 from './0001-initial';
import * as m0002 from './0002-backups';
import * as m0003 from './0003-customers';
import * as m0004 from './0004-backup-retention';
import * as m0005 from './0005-signed-evidence';
import * as m0006 from './0006-handovers';
import * as m0007 from './0007-wipe';
import * as m0008 from './0008-customer-wechat';
import * as m0009 from './0009-compliance';
import * as m0010 from './0010-requests';
import * as m0011 from './0011-customer-phones';
import * as m0012 from './0012-search-digit-grams';
import * as m0013 from './0013-one-pipia';
import * as m0014 from './0014-incidents';
import * as m0015 from './0015-request-acknowledgement';
import type { VaultDb } from '../database';

export interface Migration {
  version: number;
  sql: string;
  /** Data changes that need code, run after `sql` in the same transaction. */
  run?: (db: VaultDb, now: Date) => void;
}

export const MIGRATIONS: readonly Migration[] = [
  m0001,
  m0002,
  m0003,
  m0004,
  m0005,
  m0006,
  m0007,
  m0008,
  m0009,
  m0010,
  m0011,
  m0012,
  m0013,
  m0014,
  m0015,
];
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;
