// Generated customer rows as the import stores them (the columns duplicate detection reads), using the
// same shared normalisers — so dedupe tests can fill a vault directly, without the import pipeline.
import { nameKeys } from '../../../shared/normalise/names';
import { normaliseEmail } from '../../../shared/normalise/email';
import { normalisePhone } from '../../../shared/normalise/phone';
import { normaliseText } from '../../../shared/normalise/text';
import { checkResidentId, normaliseResidentId } from '../../../shared/identifiers/resident-id';
import { normaliseCreditCode, validateCreditCode } from '../../../shared/identifiers/credit-code';
import type { ImportedColumns } from '../../../shared/customer/columns';
import { readWechat } from '../../../shared/customer/fields';
import type { CustomerRow } from '../../fixtures/customers';

/** Everything the import writes but the extra fields and the formula flag (records-fixture sets those). */
export type CustomerColumns = Omit<ImportedColumns, 'extra' | 'formula_like'>;

const text = (value: string): string | null => {
  const t = normaliseText(value);
  return t === '' ? null : t;
};

export function customerColumns(row: CustomerRow): CustomerColumns {
  const phone = normalisePhone(row.phone);
  const email = normaliseEmail(row.email);
  const id = checkResidentId(row.id_number, { today: '2025-06-30' });
  const credit = validateCreditCode(row.credit_code);
  const name = text(row.name);
  const wechat = readWechat(row.wechat);
  return {
    name,
    organisation: null,
    customer_type: null,
    // As the import: E.164 when valid, else the cell as typed (cleaned), with its status.
    phone: phone.status === 'valid' ? phone.e164 : text(row.phone),
    phone_raw: text(row.phone),
    phone_status: phone.status,
    phone_region: phone.status === 'valid' ? phone.region : null,
    phones: null,
    email: email.status === 'valid' ? email.value : (text(row.email)?.toLowerCase() ?? null),
    email_status: email.status,
    wechat: wechat.value,
    wechat_status: wechat.status,
    id_number:
      id.status === 'valid' || id.status === 'legacy'
        ? id.value
        : id.status === 'missing'
          ? null
          : normaliseResidentId(row.id_number),
    id_number_status: id.status,
    birth_date: id.status === 'valid' || id.status === 'legacy' ? id.birthDate : null,
    credit_code:
      credit.status === 'valid'
        ? credit.value
        : credit.status === 'missing'
          ? null
          : normaliseCreditCode(row.credit_code),
    credit_code_status: credit.status,
    address: text(row.address),
    country: text(row.country),
    product: text(row.product),
    // Dates and amounts are not read here: the records tests do not need them.
    last_order_date: null,
    lifetime_value: null,
    currency: null,
    notes: text(row.notes),
    name_key: name ? (nameKeys(name)?.tokens ?? null) : null,
    hidden_characters: 0,
    malformed: null,
  };
}
