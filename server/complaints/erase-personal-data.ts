import type { CamundaRestClient, Zeebe } from '@camunda8/sdk';
import type { DataSource, EntityManager } from 'typeorm';
import { ComplainantsRepository, ERASED_NAME } from '../../db/repositories/complainants.repository';
import { eraseCustomerRecipients } from '../../db/repositories/notifications.repository';
import type { Complaint } from '../../db/entities/complaint.entity';

export interface ErasureReport {
  /** False when the contact details had been erased before. */
  readonly contactErased: boolean;
  readonly deliveriesCleared: number;
  readonly notificationsAnonymised: number;
  readonly processVariablesErased: number;
}

/**
 * Erases the complainant's contact details everywhere they are kept: the complainant record and its
 * fingerprints, every customer delivery in the outbox (pending ones are cancelled), the texts of the
 * notifications already rendered, and any process variable whose value carries one of them.
 */
export async function erasePersonalData(
  deps: { db: DataSource; rest: CamundaRestClient; zeebe: Zeebe.ZeebeGrpcClient },
  complaint: Complaint,
  request: { by: string; at: Date },
): Promise<ErasureReport> {
  const contact = await new ComplainantsRepository(deps.db.manager).findContactDetails(complaint.id);
  const secrets = contact
    ? [
        contact.name,
        contact.phone,
        contact.email,
        contact.wechat,
        contact.address,
        contact.organisation,
      ].filter((value): value is string => !!value && value !== ERASED_NAME && value.length >= 2)
    : [];
  const { deliveriesCleared, notificationsAnonymised, contactErased } = await deps.db.transaction(
    async (manager) => ({
      deliveriesCleared: await eraseCustomerRecipients(manager, complaint.id, request.at),
      notificationsAnonymised: await anonymiseNotifications(manager, complaint.id, secrets),
      contactErased: await new ComplainantsRepository(manager).eraseContactDetails(complaint.id, request),
    }),
  );
  const processVariablesErased = complaint.processInstanceKey
    ? await eraseProcessVariables(deps, complaint.processInstanceKey, secrets)
    : 0;
  return { contactErased, deliveriesCleared, notificationsAnonymised, processVariablesErased };
}

/** Replaces each contact value in the subject, body and data of the complaint's notifications. */
async function anonymiseNotifications(
  manager: EntityManager,
  complaintId: string,
  secrets: string[],
): Promise<number> {
  let touched = 0;
  for (const secret of secrets) {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE notification
          SET subject = replace(subject, $2, '[erased]'),
              body = replace(body, $2, '[erased]'),
              data = replace(data::text, $3, '[erased]')::jsonb
        WHERE complaint_id = $1 AND (strpos(subject, $2) > 0 OR strpos(body, $2) > 0 OR strpos(data::text, $3) > 0)`,
      // inside the JSON text the value appears as a JSON string's content
      [complaintId, secret, JSON.stringify(secret).slice(1, -1)],
    );
    touched += count;
  }
  return touched;
}

/** Overwrites, in its own scope, every variable of the instance whose value carries a contact value. */
async function eraseProcessVariables(
  deps: { rest: CamundaRestClient; zeebe: Zeebe.ZeebeGrpcClient },
  processInstanceKey: string,
  secrets: string[],
): Promise<number> {
  if (secrets.length === 0) return 0;
  let erased = 0;
  let after: string | undefined;
  for (;;) {
    const page = await deps.rest.searchVariables({
      filter: { processInstanceKey },
      page: after ? { after, limit: 100 } : { limit: 100, from: 0 },
    } as Parameters<CamundaRestClient['searchVariables']>[0]);
    for (const variable of page.items) {
      if (!secrets.some((secret) => String(variable.value).includes(JSON.stringify(secret).slice(1, -1))))
        continue;
      await deps.zeebe.setVariables({
        elementInstanceKey: variable.scopeKey,
        variables: { [variable.name]: '[erased]' },
        local: true,
      });
      erased += 1;
    }
    if (page.items.length < 100 || !page.page.endCursor) return erased;
    after = page.page.endCursor;
  }
}
