import { createHmac } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';

/** The contact details a complainant can be recognised by. */
export interface ContactDetails {
  readonly phone?: string | null;
  readonly email?: string | null;
  readonly wechat?: string | null;
}

const keys = new WeakMap<DataSource, Promise<Buffer>>();

/**
 * The key of the fingerprints: made once per database by the first migration (`app_secret`), so
 * fingerprints are useless outside it and the same in every process that shares it.
 */
function hashKey(manager: EntityManager): Promise<Buffer> {
  const dataSource = manager.connection;
  let key = keys.get(dataSource);
  if (!key) {
    key = manager
      .query(`SELECT value FROM app_secret WHERE name = 'contact-hash-key'`)
      .then((rows: { value: Buffer }[]) => {
        if (rows.length === 0) throw new Error('app_secret has no contact-hash-key: run the migrations');
        return rows[0].value;
      });
    key.catch(() => keys.delete(dataSource));
    keys.set(dataSource, key);
  }
  return key;
}

/** `+86 138-0013-8000`, `0086 13800138000` and `13800138000` are one phone. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  const national = digits.replace(/^00/, '');
  return /^86\d{11}$/.test(national) ? national.slice(2) : national;
}

/** The normalised details, each tagged with its kind so that equal strings of two kinds differ. */
export function normaliseContact(details: ContactDetails): string[] {
  const out: string[] = [];
  const phone = details.phone ? normalisePhone(details.phone) : '';
  if (phone.length >= 5) out.push(`phone:${phone}`);
  const email = details.email?.trim().toLowerCase();
  if (email) out.push(`email:${email}`);
  const wechat = details.wechat?.trim().toLowerCase();
  if (wechat) out.push(`wechat:${wechat}`);
  return out;
}

/** HMAC-SHA256 (hex) of each normalised contact detail, with the database's key. */
export async function contactFingerprints(
  manager: EntityManager,
  details: ContactDetails,
): Promise<string[]> {
  const normalised = normaliseContact(details);
  if (normalised.length === 0) return [];
  const key = await hashKey(manager);
  return normalised.map((value) => createHmac('sha256', key).update(value).digest('hex'));
}
