import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type TProperties, type TSchema, Type } from 'typebox';
import {
  AnalysisRepository,
  COUNT_DIMENSIONS,
  COUNT_PERIODS,
} from '../../db/repositories/analysis.repository';
import { ANALYSIS_TIME_ZONE, type AnalysisRange, analysisRange } from '../../domain/analysis/date-range';
import {
  deadlineFigures,
  remedyFigures,
  satisfactionFigures,
  stepFigures,
} from '../../domain/analysis/figures';
import { repeatAlerts, SIMILAR_SUBJECT_THRESHOLD } from '../../domain/analysis/repeated-complaints';
import { ValidationError } from '../../lib/errors';
import type { ApiDeps } from '../app';
import { requireRole } from '../plugins/authentication';
import { DateTime } from '../schemas/kinds';

export interface AnalysisRoutesOptions {
  readonly deps: ApiDeps;
}

const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** Every analysis covers days `from`..`to` (both included, Asia/Shanghai); by default the last 30. */
const Dates = {
  from: Type.Optional(
    Type.String({ format: 'date', description: 'First day, YYYY-MM-DD (default: 29 days before to)' }),
  ),
  to: Type.Optional(
    Type.String({ format: 'date', description: 'Last day, included, YYYY-MM-DD (default: today)' }),
  ),
};
const query = <P extends TProperties>(properties: P) =>
  Type.Object({ ...Dates, ...properties }, { additionalProperties: false });
const answer = <P extends TProperties>(properties: P) =>
  Type.Object({ from: Type.String(), to: Type.String(), ...properties });

export const CountsQuery = query({
  by: Type.Enum(COUNT_DIMENSIONS, { description: 'What to count by' }),
  period: Type.Optional(Type.Enum(COUNT_PERIODS, { default: 'month', description: 'Weeks start on Monday' })),
});
export const AlertsQuery = query({
  windowDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 90, default: 7 })),
  minCount: Type.Optional(Type.Integer({ minimum: 2, maximum: 1000, default: 3 })),
});
const RangeOnlyQuery = query({});

const Hours = Nullable(Type.Number());
const CountsAnswer = answer({
  by: Type.String(),
  period: Type.String(),
  rows: Type.Array(
    Type.Object({
      key: Nullable(Type.String()),
      period: Type.String({ description: 'First day of the period' }),
      count: Type.Integer(),
    }),
  ),
});
const DeadlinesAnswer = answer({
  deadlines: Type.Array(
    Type.Object({
      deadline: Type.String(),
      met: Type.Integer(),
      breached: Type.Integer(),
      shareMet: Nullable(Type.Number()),
      escalations: Type.Integer(),
    }),
  ),
  steps: Type.Array(
    Type.Object({
      step: Type.String(),
      count: Type.Integer(),
      medianBusinessHours: Hours,
      averageBusinessHours: Hours,
    }),
  ),
});
const HandlingTimeAnswer = answer({
  rows: Type.Array(
    Type.Object({
      satisfaction: Type.Integer(),
      count: Type.Integer(),
      medianHours: Hours,
      averageHours: Hours,
      medianBusinessHours: Hours,
      averageBusinessHours: Hours,
    }),
  ),
});
const RemediesAnswer = answer({
  remedies: Type.Array(
    Type.Object({
      remedy: Type.String(),
      complaints: Type.Integer(),
      rated: Type.Integer(),
      averageSatisfaction: Nullable(Type.Number()),
      followedUp: Type.Integer(),
      shareResolved: Nullable(Type.Number()),
    }),
  ),
});
const AlertsAnswer = answer({
  windowDays: Type.Integer(),
  minCount: Type.Integer(),
  alerts: Type.Array(
    Type.Object({
      kind: Type.Enum(['same_sub_type', 'similar_subject']),
      category: Nullable(Type.String()),
      subType: Nullable(Type.String()),
      subject: Type.String(),
      count: Type.Integer(),
      complaintNumbers: Type.Array(Type.String()),
      firstReceivedAt: DateTime,
      lastReceivedAt: DateTime,
    }),
  ),
});

const schema = <Q, R>(summary: string, querystring: Q, response: R) => ({
  tags: ['analysis'],
  summary,
  querystring,
  response: { 200: response },
});

/**
 * The managers' analysis (DOMAIN §4), read-only, for managers and process owners (administrators
 * always): complaints received by category, department, channel or severity per period; from the
 * complaints closed in the range, deadlines met per step, handling time against satisfaction and the
 * remedies that satisfied; and alerts when alike complaints repeat within a window.
 */
export async function analysisRoutes(app: FastifyInstance, { deps }: AnalysisRoutesOptions): Promise<void> {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  // before the query is validated: a caller without the role learns nothing of it
  api.addHook('preValidation', requireRole('manager', 'process_owner'));
  const figures = () => new AnalysisRepository(deps.db.manager);
  const rangeOf = (asked: { from?: string; to?: string }): AnalysisRange => {
    const result = analysisRange(asked, deps.now());
    if (!result.ok) {
      throw new ValidationError(
        result.problems.map((p) => ({ field: `querystring.${p.field}`, problem: p.problem })),
      );
    }
    return result.range;
  };

  api.get(
    '/analysis/counts',
    { schema: schema('Complaints received, counted by a dimension per period', CountsQuery, CountsAnswer) },
    async (request) => {
      const { by, period = 'month', ...dates } = request.query;
      const range = rangeOf(dates);
      const rows = await figures().countComplaintsBy(by, period, range, ANALYSIS_TIME_ZONE);
      return { from: range.from, to: range.to, by, period, rows };
    },
  );

  api.get(
    '/analysis/deadlines',
    {
      schema: schema(
        'Deadlines met and breached, and working time per step',
        RangeOnlyQuery,
        DeadlinesAnswer,
      ),
    },
    async (request) => {
      const range = rangeOf(request.query);
      const repository = figures();
      const deadlines = deadlineFigures(await repository.deadlinePerformanceByDeadline(range));
      const steps = stepFigures(await repository.stepTimesByStep(range));
      return { from: range.from, to: range.to, deadlines, steps };
    },
  );

  api.get(
    '/analysis/handling-time',
    { schema: schema('Handling time against satisfaction', RangeOnlyQuery, HandlingTimeAnswer) },
    async (request) => {
      const range = rangeOf(request.query);
      const rows = satisfactionFigures(await figures().handlingTimeAgainstSatisfaction(range));
      return { from: range.from, to: range.to, rows };
    },
  );

  api.get(
    '/analysis/remedies',
    { schema: schema('Which remedies satisfied customers', RangeOnlyQuery, RemediesAnswer) },
    async (request) => {
      const range = rangeOf(request.query);
      const remedies = remedyFigures(await figures().remedySatisfaction(range));
      return { from: range.from, to: range.to, remedies };
    },
  );

  api.get(
    '/analysis/alerts',
    { schema: schema('Alike complaints repeated within a window', AlertsQuery, AlertsAnswer) },
    async (request) => {
      const { windowDays = 7, minCount = 3, ...dates } = request.query;
      const range = rangeOf(dates);
      const repository = figures();
      const complaints = await repository.listComplaintsReceived(range);
      const pairs = await repository.findSimilarSubjectPairs(range, windowDays, SIMILAR_SUBJECT_THRESHOLD);
      const alerts = repeatAlerts(complaints, pairs, { windowDays, minCount });
      return { from: range.from, to: range.to, windowDays, minCount, alerts };
    },
  );
}
