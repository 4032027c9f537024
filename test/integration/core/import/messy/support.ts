// The real vault the messy-file tests import into, with the few things each of them asks of it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessyFile } from '../../../../fixtures/messy';
import { makeVault, type VaultFixture } from '../../../support/vault-fixture';
import { peek } from '../support/peek';

export interface MessyVault {
  readonly v: VaultFixture;
  /** Writes the file into the vault's folder, its name prefixed by `tag`; returns the path. */
  write(file: MessyFile, tag: string | number): string;
  /** Customers in the vault now. */
  customers(): number;
}

/** A vault made before the file's tests and removed after them. */
export function useMessyVault(): MessyVault {
  let fixture: VaultFixture | null = null;
  beforeAll(async () => {
    fixture = await makeVault();
  });
  afterAll(() => fixture?.remove());
  const vault = () => {
    if (!fixture) throw new Error('the vault is made in beforeAll');
    return fixture;
  };
  return {
    get v() {
      return vault();
    },
    write(file, tag) {
      const path = join(vault().dir, `${tag}-${file.name}`);
      writeFileSync(path, file.bytes);
      return path;
    },
    customers() {
      return peek(
        vault(),
        (db) => (db.prepare('SELECT count(*) AS n FROM customers').get() as { n: number }).n,
      );
    },
  };
}
