import { Type } from 'typebox';
import type { EntityManager } from 'typeorm';
import { actors, ComplaintEventsRepository } from '../db/repositories/complaint-events.repository';
import { ComplaintsRepository } from '../db/repositories/complaints.repository';
import { DepartmentsRepository } from '../db/repositories/departments.repository';
import { RoutingRulesRepository } from '../db/repositories/routing-rules.repository';
import { type Department, routeComplaint } from '../domain/routing';
import { defineWorker } from './runtime/define-worker';
import { bpmnError, complete } from './runtime/job-outcome';
import { inTransaction } from './support/job-data';
import { recordStepOnce } from './support/step-record';
import { complaintRef, optional } from './support/variables';

const JOB_TYPE = 'route-complaint';

/** Where the complaint goes: a department, or why it cannot be routed automatically. */
type Routing =
  | { readonly department: Department; readonly manual: boolean; readonly rule?: object }
  | { readonly noRoute: string };

/**
 * Routes the complaint to the responsible department (DOMAIN §3.4: transport → storage & transport,
 * quality → quality management, service → customer service, contract → sales, finance → finance,
 * logistics → logistics). A department the complaint centre chose by hand (`departmentId` from
 * `route-manually`) wins over the routing table. No rule, or a department that is unknown or no
 * longer active → BPMN error NO_ROUTE: the complaint centre routes it by hand.
 */
export const routeComplaintWorker = defineWorker({
  jobType: JOB_TYPE,
  variables: Type.Object({
    ...complaintRef,
    category: Type.String({ minLength: 1 }),
    subType: optional(Type.String()),
    departmentId: optional(Type.String()),
  }),
  bpmnErrors: ['NO_ROUTE'],
  async handle(job) {
    const { complaintId, category, subType, departmentId } = job.variables;
    const now = job.deps.now();
    return inTransaction(job, async (manager) => {
      const routing = await routingOf(manager, category, subType ?? null, departmentId ?? null);
      if ('noRoute' in routing) {
        await new ComplaintEventsRepository(manager).recordEvent({
          complaintId,
          type: 'not_routed',
          actor: actors.worker(JOB_TYPE),
          occurredAt: now,
          data: { category, subType: subType ?? null, reason: routing.noRoute },
          idempotencyKey: job.effectKey,
        });
        return bpmnError('NO_ROUTE', routing.noRoute);
      }
      const { department, manual, rule } = routing;
      const complaints = new ComplaintsRepository(manager);
      const step = await recordStepOnce(
        manager,
        job.effectKey,
        {
          complaintId,
          type: 'routed',
          actor: actors.worker(JOB_TYPE),
          occurredAt: now,
          data: { department: department.code, manual, rule: rule ?? null },
          variables: {
            departmentId: department.code,
            departmentGroup: department.candidateGroup,
            teamManagerGroup: department.teamManagerGroup,
            directorGroup: department.directorGroup,
          },
        },
        async () => {
          await complaints.assignDepartment(complaintId, department.code, now);
          await complaints.changeState(complaintId, 'investigating', now);
        },
      );
      return complete(step.variables);
    });
  },
});

async function routingOf(
  manager: EntityManager,
  category: string,
  subType: string | null,
  chosen: string | null,
): Promise<Routing> {
  const active = await new DepartmentsRepository(manager).listActiveDepartments();
  if (chosen) {
    const department = active.find((d) => d.code === chosen);
    if (department) return { department, manual: true };
    return {
      noRoute: `the department "${chosen}" chosen by hand is unknown or no longer active: choose another`,
    };
  }
  const route = routeComplaint(
    await new RoutingRulesRepository(manager).loadActiveRoutingRules(),
    category,
    subType,
  );
  if (!route.routed) return { noRoute: route.message };
  const department = active.find((d) => d.code === route.department);
  if (!department) {
    return {
      noRoute: `the routing rule names the department "${route.department}", which is unknown or no longer active`,
    };
  }
  return { department, manual: false, rule: route.rule };
}
