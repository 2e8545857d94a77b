import type { EntityManager } from 'typeorm';
import type { Language } from '../../domain/vocabulary';

/** A version of a template an administrator saved. */
export interface StoredTemplate {
  readonly key: string;
  readonly language: Language;
  readonly version: number;
  readonly subject: string;
  readonly body: string;
  readonly editedBy: string;
  readonly createdAt: Date;
}

const COLUMNS = `key, language, version, subject, body, edited_by AS "editedBy", created_at AS "createdAt"`;

/** The administrator's version in force for a key and language (the highest), or null: the default applies. */
export async function findCurrentTemplate(
  manager: EntityManager,
  key: string,
  language: Language,
): Promise<StoredTemplate | null> {
  const rows: StoredTemplate[] = await manager.query(
    `SELECT ${COLUMNS} FROM notification_template
      WHERE key = $1 AND language = $2 ORDER BY version DESC LIMIT 1`,
    [key, language],
  );
  return rows[0] ?? null;
}

/** Every saved version of a template, newest first. */
export async function listTemplateVersions(
  manager: EntityManager,
  key: string,
  language: Language,
): Promise<StoredTemplate[]> {
  return manager.query(
    `SELECT ${COLUMNS} FROM notification_template WHERE key = $1 AND language = $2 ORDER BY version DESC`,
    [key, language],
  );
}

/**
 * Saves a new version (the previous highest + 1) and returns it. Two administrators saving at once:
 * one of them gets a unique violation (23505) on (key, language, version) — the caller reports a
 * conflict, never overwrites.
 */
export async function insertTemplateVersion(
  manager: EntityManager,
  template: Omit<StoredTemplate, 'version'>,
): Promise<StoredTemplate> {
  const rows: StoredTemplate[] = await manager.query(
    `INSERT INTO notification_template (key, language, version, subject, body, edited_by, created_at)
     SELECT $1, $2, COALESCE(MAX(version), 0) + 1, $3, $4, $5, $6
       FROM notification_template WHERE key = $1 AND language = $2
     RETURNING ${COLUMNS}`,
    [template.key, template.language, template.subject, template.body, template.editedBy, template.createdAt],
  );
  return rows[0];
}
