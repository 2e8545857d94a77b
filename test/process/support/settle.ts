import { type EngineRecord } from '../../../engine';
import { type Harness } from './harness';
import { NotYet, waitUntil } from './wait';

/** Element types whose work a job worker does: while one is active, something is still moving. */
const JOB_ELEMENTS = ['SERVICE_TASK', 'SEND_TASK'];

/** Open timers of an instance (created, neither triggered nor cancelled) and their due times. */
function openTimers(records: readonly EngineRecord[]): Map<string, { elementId: string; dueAt: number }> {
  const open = new Map<string, { elementId: string; dueAt: number }>();
  for (const r of records) {
    if (r.valueType !== 'TIMER') continue;
    if (r.intent === 'CREATED') {
      open.set(String(r.key), { elementId: String(r.value.elementId), dueAt: Number(r.value.dueDate) });
    } else open.delete(String(r.key));
  }
  return open;
}

/** The last reason a job of the instance failed, to say why it does not come to rest. */
function lastJobFailure(records: readonly EngineRecord[]): string | undefined {
  const failed = records.filter((r) => r.valueType === 'JOB' && r.intent === 'FAILED').at(-1);
  return failed ? `${String(failed.value.elementId)}: ${String(failed.value.errorMessage)}` : undefined;
}

/** Active job-based tasks, read in ONE search: one snapshot, so a job handing over to the next is never missed. */
async function busyJobElements(h: Harness): Promise<string[]> {
  const now = h.now().getTime();
  const ignored = new Set(h.abandoned.filter((a) => a.deadline > now).map((a) => a.elementInstanceKey));
  const active = await h.t.rest.searchElementInstances({
    filter: { state: 'ACTIVE' },
    page: { from: 0, limit: 10_000 },
  });
  if (active.page.totalItems > active.items.length)
    throw new Error('settled(): too many active elements to read');
  return active.items
    .filter((e) => JOB_ELEMENTS.includes(e.type))
    .filter((e) => !ignored.has(e.elementInstanceKey))
    .map((e) => `${e.elementId} (${e.type})`);
}

async function failIfIncident(h: Harness): Promise<void> {
  const incidents = await h.t.rest.searchIncidents({ filter: { state: 'ACTIVE' } });
  if (incidents.items.length > 0) {
    const what = incidents.items.map((i) => `${i.elementId} ${i.errorType}: ${i.errorMessage}`);
    throw new Error(`the process stopped with an incident: ${what.join('; ')}`);
  }
}

/**
 * Waits until every process instance of the harness is at rest: no job-based task active (no worker
 * has anything to do or in hand), no timer due by the engine clock left unfired, no incident (an
 * incident fails at once with its message).
 */
export async function settled(h: Harness): Promise<void> {
  await waitUntil('the complaints to come to rest', async () => {
    await failIfIncident(h);
    const now = h.now().getTime();
    // timers first: a timer fired after this read has started its tasks by the read of the tasks
    const histories = new Map<string, EngineRecord[]>();
    for (const key of h.instances) histories.set(key, await h.t.engine.records(Number(key)));
    const busy = await busyJobElements(h);
    const reasons: string[] = [];
    for (const [key, records] of histories) {
      const due = [...openTimers(records).values()].filter((timer) => timer.dueAt <= now);
      if (due.length > 0)
        reasons.push(`instance ${key}: timers due ${due.map((d) => d.elementId).join(', ')}`);
      const failure = busy.length > 0 ? lastJobFailure(records) : undefined;
      if (failure) reasons.push(`instance ${key}: last job failure ${failure}`);
    }
    if (busy.length > 0 || reasons.length > 0) {
      throw new NotYet([`busy: ${busy.join(', ') || 'none'}`, ...reasons].join('; '));
    }
  });
}

/**
 * Moves the engine clock to `instant` (the only way time passes in these tests) and waits until the
 * timers due by then have fired and everything they started has come to rest.
 */
export async function moveClockTo(h: Harness, instant: Date): Promise<void> {
  await h.t.rest.pinInternalClock(instant.getTime());
  await settled(h);
}
