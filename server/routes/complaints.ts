import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { actors } from '../../db/repositories/complaint-events.repository';
import { EvidenceRepository } from '../../db/repositories/evidence.repository';
import { ConflictError } from '../../lib/errors';
import type { ApiDeps } from '../app';
import { principalOf, requireRole } from '../plugins/authentication';
import { complaintDetail, complaintFor, refuseIfFinished } from '../complaints/complaint-view';
import { createComplaint } from '../complaints/create-complaint';
import { CreationLimiter } from '../complaints/creation-limit';
import { erasePersonalData } from '../complaints/erase-personal-data';
import { listComplaints } from '../complaints/list-complaints';
import { intakeOf } from '../complaints/intake-of';
import { sendCustomerResponse, tellProcess } from '../complaints/tell-process';
import { storeEvidence } from '../complaints/store-evidence';
import {
  ComplaintDetailAnswer,
  ComplaintPageAnswer,
  CreatedComplaintAnswer,
  CustomerResponseAnswer,
  ErasureAnswer,
  EvidenceAnswer,
  WithdrawalAnswer,
} from '../schemas/complaint-answers';
import {
  ComplaintNumberParams,
  CreateComplaintBody,
  CustomerResponseBody,
  IdempotencyHeaders,
  ListComplaintsQuery,
  WithdrawalBody,
} from '../schemas/complaints';

const TAGS = ['complaints'];

/**
 * Complaints as integrators and agents see them. An integrator key reaches only the complaints it
 * created (another's number answers 404); staff reach all. Who may call what is on each route.
 */
export async function complaintRoutes(app: FastifyInstance, { deps }: { deps: ApiDeps }): Promise<void> {
  const limiter = new CreationLimiter(deps.config.complaintsPerMinute, deps.now);
  const intakeRoles = requireRole('integrator', 'agent');
  const readRoles = requireRole('integrator', 'agent', 'department_staff', 'manager', 'process_owner');
  await app.register(multipart, {
    limits: { fileSize: deps.config.evidence.maxBytes, files: 10, fields: 0, parts: 11 },
  });

  app.post<{ Body: CreateComplaintBody; Headers: { 'idempotency-key': string } }>(
    '/complaints',
    {
      schema: {
        tags: TAGS,
        summary: 'Register a complaint and start its handling',
        body: CreateComplaintBody,
        headers: IdempotencyHeaders,
        response: { 201: CreatedComplaintAnswer },
      },
      preHandler: intakeRoles,
    },
    async (request, reply) => {
      const principal = principalOf(request);
      limiter.take(principal);
      const result = await createComplaint(
        { db: deps.db, now: deps.now },
        {
          owner: principal.id,
          key: request.headers['idempotency-key'],
          intake: intakeOf(request.body, principal),
        },
      );
      if (result.replayed) void reply.header('Idempotency-Replayed', 'true');
      return reply.code(result.status).header('Location', result.body.links.self).send(result.body);
    },
  );

  app.get<{ Querystring: ListComplaintsQuery }>(
    '/complaints',
    {
      schema: {
        tags: TAGS,
        summary: 'List complaints',
        querystring: ListComplaintsQuery,
        response: { 200: ComplaintPageAnswer },
      },
      preHandler: readRoles,
    },
    async (request) => listComplaints(deps.db, principalOf(request), request.query),
  );

  app.get<{ Params: ComplaintNumberParams }>(
    '/complaints/:number',
    {
      schema: {
        tags: TAGS,
        summary: 'A complaint, its open steps and timeline',
        params: ComplaintNumberParams,
        response: { 200: ComplaintDetailAnswer },
      },
      preHandler: readRoles,
    },
    async (request) => {
      const principal = principalOf(request);
      return complaintDetail(deps, principal, request.params.number);
    },
  );

  app.post<{ Params: ComplaintNumberParams; Body: CustomerResponseBody }>(
    '/complaints/:number/responses',
    {
      schema: {
        tags: TAGS,
        summary: 'The customer accepts the result or appeals',
        params: ComplaintNumberParams,
        body: CustomerResponseBody,
        response: { 202: CustomerResponseAnswer },
      },
      preHandler: intakeRoles,
    },
    async (request, reply) => {
      const complaint = await complaintFor(deps.db, principalOf(request), request.params.number);
      if (complaint.state !== 'awaiting_customer') {
        throw new ConflictError(
          `Complaint ${complaint.number} is ${complaint.state}: a response is only taken while the result awaits the customer.`,
          'NOT_AWAITING_RESPONSE',
        );
      }
      const { response, appealReason } = request.body;
      await sendCustomerResponse(deps, complaint, {
        customerResponse: response,
        ...(appealReason ? { appealReason } : {}),
      });
      return reply.code(202).send({ number: complaint.number, response, accepted: true });
    },
  );

  app.post<{ Params: ComplaintNumberParams }>(
    '/complaints/:number/evidence',
    {
      schema: {
        tags: TAGS,
        summary: 'Add evidence (multipart/form-data, field "files")',
        params: ComplaintNumberParams,
        consumes: ['multipart/form-data'],
        response: { 201: EvidenceAnswer },
      },
      preHandler: intakeRoles,
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const complaint = await complaintFor(deps.db, principal, request.params.number);
      refuseIfFinished(
        complaint,
        `Complaint ${complaint.number} is ${complaint.state}: no more evidence is taken.`,
      );
      const stored = await storeEvidence(request.files(), {
        dir: deps.config.evidence.dir,
        complaintId: complaint.id,
        maxBytes: deps.config.evidence.maxBytes,
      });
      const by = principal.clientId ? actors.client(principal.clientId) : principal.id;
      const evidenceIds = await new EvidenceRepository(deps.db.manager).addEvidence(
        complaint.id,
        stored,
        by,
        deps.now(),
      );
      await tellProcess(deps, complaint, 'evidence-added', { evidenceIds });
      return reply.code(201).send({
        number: complaint.number,
        evidence: stored.map((item, i) => ({
          id: evidenceIds[i],
          filename: item.filename,
          contentType: item.contentType,
          sizeBytes: item.sizeBytes,
          sha256: item.sha256,
        })),
      });
    },
  );

  app.post<{ Params: ComplaintNumberParams; Body: WithdrawalBody }>(
    '/complaints/:number/withdrawal',
    {
      schema: {
        tags: TAGS,
        summary: 'The customer withdraws the complaint',
        params: ComplaintNumberParams,
        body: WithdrawalBody,
        response: { 202: WithdrawalAnswer },
      },
      preHandler: intakeRoles,
    },
    async (request, reply) => {
      const complaint = await complaintFor(deps.db, principalOf(request), request.params.number);
      refuseIfFinished(complaint, `Complaint ${complaint.number} is already ${complaint.state}.`);
      await tellProcess(deps, complaint, 'complaint-withdrawn', {
        withdrawalReason: request.body?.reason ?? '客户撤诉',
      });
      return reply.code(202).send({ number: complaint.number, withdrawal: 'requested' });
    },
  );

  app.delete<{ Params: ComplaintNumberParams }>(
    '/complaints/:number/personal-data',
    {
      schema: {
        tags: TAGS,
        summary: "Erase the complainant's contact details everywhere",
        params: ComplaintNumberParams,
        response: { 200: ErasureAnswer },
      },
      preHandler: requireRole('integrator', 'manager'),
    },
    async (request) => {
      const principal = principalOf(request);
      const complaint = await complaintFor(deps.db, principal, request.params.number);
      const report = await erasePersonalData(deps, complaint, { by: principal.id, at: deps.now() });
      return { number: complaint.number, ...report };
    },
  );
}
