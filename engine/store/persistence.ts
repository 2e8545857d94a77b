import { createHash } from 'node:crypto';
import type pg from 'pg';
import { parseBpmn } from '../bpmn/parse-bpmn';
import { startEventNames } from '../runtime/commands/deploy';
import { type FormDefinition, type ProcessDefinition } from '../runtime/state/entities';
import { type EngineState } from '../runtime/state/engine-state';
import { type Table } from '../runtime/state/table';
import {
  elementInstanceRows,
  incidentRows,
  jobRows,
  messageRows,
  messageSubscriptionRows,
  signalSubscriptionRows,
  timerRows,
  type RowMapping,
  userTaskRows,
  variableRows,
} from './row-mappings';

type Mapped = readonly [Table<{ key: number }>, RowMapping<{ key: number }>];

function mappedTables(state: EngineState): Mapped[] {
  const pair = <T extends { key: number }>(table: Table<T>, mapping: RowMapping<T>) =>
    [table, mapping] as unknown as Mapped;
  return [
    pair(state.elements, elementInstanceRows),
    pair(state.variables, variableRows),
    pair(state.jobs, jobRows),
    pair(state.userTasks, userTaskRows),
    pair(state.incidents, incidentRows),
    pair(state.timers, timerRows),
    pair(state.messageSubscriptions, messageSubscriptionRows),
    pair(state.signalSubscriptions, signalSubscriptionRows),
    pair(state.messages, messageRows),
  ];
}

/** The SQL of one batch: everything the batch changed, to run in one transaction. */
export function batchStatements(
  state: EngineState,
  schema: string,
): Array<{ text: string; values: unknown[] }> {
  const statements: Array<{ text: string; values: unknown[] }> = [];
  for (const statement of state.takeStatements()) {
    statements.push({ text: statement.text.replaceAll('{schema}', schema), values: [...statement.values] });
  }
  for (const [table, mapping] of mappedTables(state)) {
    const upserts: Record<string, unknown>[] = [];
    const deletes: number[] = [];
    for (const [key, write] of table.takeWrites()) {
      if (write.op === 'upsert') upserts.push(mapping.toRow(write.row));
      else if (write.op === 'delete') deletes.push(key);
    }
    if (upserts.length > 0) statements.push(upsertStatement(schema, mapping, upserts));
    if (deletes.length > 0) {
      statements.push({
        text: `DELETE FROM ${schema}.${mapping.table} WHERE key = ANY($1::bigint[])`,
        values: [deletes],
      });
    }
  }
  const records = state.takeRecords();
  if (records.length > 0) {
    statements.push({
      text: `INSERT INTO ${schema}.record (key, process_instance_key, value_type, intent, timestamp, value)
             SELECT (e.doc->>'key')::bigint, (e.doc->>'process_instance_key')::bigint, e.doc->>'value_type',
                    e.doc->>'intent', (e.doc->>'timestamp')::bigint, e.doc->'value'
             FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(doc, n)
             ORDER BY e.n`,
      values: [JSON.stringify(records.map(toRecordRow))],
    });
  }
  const nextKey = state.takeNextKeyIfChanged();
  if (nextKey !== undefined) {
    statements.push({
      text: `INSERT INTO ${schema}.meta (name, value) VALUES ('next_key', $1::jsonb)
             ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
      values: [JSON.stringify(nextKey)],
    });
  }
  return statements;
}

function upsertStatement(
  schema: string,
  mapping: RowMapping<{ key: number }>,
  rows: Record<string, unknown>[],
) {
  const table = `${schema}.${mapping.table}`;
  const updated = mapping.columns.filter((c) => c !== 'key');
  return {
    text: `INSERT INTO ${table} (${mapping.columns.join(', ')})
           SELECT ${mapping.columns.join(', ')} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)
           ON CONFLICT (key) DO UPDATE SET (${updated.join(', ')}) = ROW(${updated.map((c) => `EXCLUDED.${c}`).join(', ')})`,
    values: [JSON.stringify(rows)],
  };
}

function toRecordRow(record: ReturnType<EngineState['takeRecords']>[number]) {
  return {
    key: record.key,
    process_instance_key: record.processInstanceKey ?? null,
    value_type: record.valueType,
    intent: record.intent,
    timestamp: record.timestamp,
    value: record.value,
  };
}

/** Prepared-statement names by text (a batch's texts come from a small fixed set per schema). */
const statementNames = new Map<string, string>();

/** One name per text, the same on every connection: PostgreSQL parses each text once per connection. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `engine_${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    statementNames.set(text, name);
  }
  return name;
}

/**
 * Commits one batch in a single transaction. Its statements run prepared: parsing and planning them
 * anew cost PostgreSQL more than running them.
 */
export async function commitBatch(
  client: pg.PoolClient,
  statements: ReadonlyArray<{ text: string; values: unknown[] }>,
) {
  if (statements.length === 0) return;
  await client.query('BEGIN');
  try {
    for (const { text, values } of statements)
      await client.query({ name: statementName(text), text, values });
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Restores the whole in-memory state from the database (start-up and recovery after a failed commit). */
export async function loadState(pool: pg.Pool, schema: string, state: EngineState): Promise<void> {
  state.reset();
  const meta = await pool.query(`SELECT value FROM ${schema}.meta WHERE name = 'next_key'`);
  if (meta.rows[0]) state.restoreNextKey(Number(meta.rows[0].value));
  await loadDefinitions(pool, schema, state);
  for (const [table, mapping] of mappedTables(state)) {
    const { rows } = await pool.query(mapping.loadSql.replaceAll('{schema}', schema));
    for (const row of rows) table.load(mapping.fromRow(row));
  }
  state.journal.clear();
}

async function loadDefinitions(pool: pg.Pool, schema: string, state: EngineState): Promise<void> {
  const processes = await pool.query(`SELECT * FROM ${schema}.process_definition ORDER BY key`);
  const parsed = new Map<string, Awaited<ReturnType<typeof parseBpmn>>>();
  for (const row of processes.rows) {
    const cacheKey = `${row.deployment_key}:${row.resource_name}`;
    if (!parsed.has(cacheKey)) parsed.set(cacheKey, await parseBpmn(row.xml, row.resource_name));
    const model = parsed.get(cacheKey)!.find((p) => p.id === row.bpmn_process_id);
    if (!model)
      throw new Error(`engine: stored process ${row.bpmn_process_id} v${row.version} no longer parses`);
    const names = startEventNames(model, row.resource_name);
    const definition: ProcessDefinition = {
      key: row.key,
      bpmnProcessId: row.bpmn_process_id,
      version: row.version,
      ...(row.version_tag ? { versionTag: row.version_tag } : {}),
      ...(row.name ? { name: row.name } : {}),
      resourceName: row.resource_name,
      checksum: row.checksum,
      xml: row.xml,
      deploymentKey: row.deployment_key,
      createdAt: row.created_at,
      tenantId: row.tenant_id,
      model,
      messageStartNames: names.message,
      signalStartNames: names.signal,
    };
    state.addDefinition(definition);
  }
  const forms = await pool.query(`SELECT * FROM ${schema}.form ORDER BY key`);
  for (const row of forms.rows) {
    const form: FormDefinition = {
      key: row.key,
      formId: row.form_id,
      version: row.version,
      resourceName: row.resource_name,
      checksum: row.checksum,
      schema: row.schema,
      deploymentKey: row.deployment_key,
      createdAt: row.created_at,
      tenantId: row.tenant_id,
    };
    state.addForm(form);
  }
}
