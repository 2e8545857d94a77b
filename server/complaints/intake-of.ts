import type { ComplaintIntake } from '../../db/intake';
import type { Principal } from '../auth/principal';
import type { CreateComplaintBody } from '../schemas/complaints';

/**
 * The intake the body describes, registered in the caller's name: an integrator's client id, or the
 * member of staff who took the complaint (phone, visit). Nothing about state comes from the body.
 */
export function intakeOf(body: CreateComplaintBody, principal: Principal): ComplaintIntake {
  return {
    channel: body.channel,
    source: body.source ?? 'external',
    subject: body.subject,
    description: body.description,
    occurredAt: body.occurredAt ? new Date(body.occurredAt) : null,
    location: body.location ?? null,
    request: body.request ?? null,
    declaredCategory: body.declaredCategory ?? null,
    product: body.product ?? null,
    lossAmount: body.lossAmount ?? null,
    currency: body.currency,
    mediaExposure: body.mediaExposure ?? false,
    language: body.language ?? 'zh-CN',
    callbackUrl: body.callbackUrl ?? null,
    clientId: principal.clientId ?? principal.id,
    complainant: body.complainant,
  };
}
