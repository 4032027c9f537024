// Every table that holds copies of a customer's values or references to a record, as each owner declares
// them beside its own code, and every other table with why it holds no customer value. A table that is
// in neither list fails the wipe's test: a feature that adds a table must say which it is.
import type { CustomerCopies } from '../kernel/customer-copies';
import { duplicatesCopies } from '../duplicates/customer-copies';
import { handoverCopies } from '../handover/customer-copies';
import { importCopies } from '../import/customer-copies';
import { recordsCopies } from '../records/customer-copies';

/** In purge order: copies and references first; the `customers` rows themselves last (purge-records.ts). */
export const CUSTOMER_COPIES: readonly CustomerCopies[] = [
  ...recordsCopies,
  ...duplicatesCopies,
  ...importCopies,
  ...handoverCopies,
];

/** The records themselves: destroyed or reduced by the wipe's own purge, not by a declaration. */
export const RECORDS_TABLE = 'customers';

/** Tables that hold no customer value, and why. */
export const VALUE_FREE_TABLES: Readonly<Record<string, string>> = {
  meta: 'vault details: the client company, its stage and settings',
  users: "the vault's users and roles",
  audit: 'the audit chain names operations, ids and counts, never values',
  audit_checkpoints: 'signed heads of the audit chain',
  identity: "the company's certificate and key (schemas 1–4)",
  certificates: 'the company CA and one certificate per user key: names, roles, public keys',
  crls: 'revocation lists the company CA signed',
  company_keys: 'the company CA key sealed under the company KEK, and its recovery copy',
  backups: 'where each backup copy went, with hashes',
  sources: 'imported files: name, SHA-256, counts, the header → field mapping',
  rules: 'classification rules',
  mappings: 'saved header → field mappings',
  outputs: 'files Closeout wrote: kind, path, SHA-256',
  paper_destructions: 'the paper destruction log: batches, methods, people who destroyed and witnessed',
  cloud_deletions: "the cloud deletion log: services, the business's accounts, references",
  wipes: 'the wipes this vault has been through, with certificate digests',
  handovers: 'the recipient company, its contact and certificate, the route and its stage',
  handover_agreements: 'the agreement with the recipient: purposes, scope, terms',
  handover_evidence: 'documents about the handover (name, SHA-256), not about a customer',
  handover_vetting: "the recipient's vetting",
  handover_transfers: 'each package: file name, SHA-256, counts, receipt',
  compliance_settings:
    "compliance centre settings: which regimes apply, the closure's dates, steps confirmed",
  compliance_files:
    'evidence files attached to checklist answers and undertakings (the closure, not a customer)',
  compliance_answers: 'checklist answers given by hand: status, note, evidence file',
  company_items: "the company's own checklist items",
  assessments:
    "PIPIA/DPIA, the closure's and each handover's: sections written by people and the counts the vault held",
  risks: 'the risk register: risks, owners, measures',
  closure_people: "the people of the closure (the business's staff), their duties and undertakings",
  training_log: 'training sessions and who attended',
  progress_snapshots: "the closure's daily counts for the charts",
  passphrase_checks: "each user's passphrase strength score",
  requests:
    "customers' requests: kind, dates, the record's number, field and file names; evidence the purge keeps",
  incidents:
    'security incidents: kind, dates, counts, backup and package ids, decisions; evidence the purge keeps',
  incident_plan: "the emergency plan: the business's contacts, roles and steps",
  incident_drills: 'emergency drills: dates, scenarios, the staff who took part, findings',
};
