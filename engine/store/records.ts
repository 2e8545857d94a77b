import type pg from 'pg';
import { type EngineRecord } from '../runtime/state/engine-state';

/** The history of one process instance, oldest first. */
export async function readRecords(
  pool: pg.Pool,
  schema: string,
  processInstanceKey: number,
): Promise<EngineRecord[]> {
  const { rows } = await pool.query(
    `SELECT key, process_instance_key, value_type, intent, timestamp, value
       FROM ${schema}.record WHERE process_instance_key = $1 ORDER BY position`,
    [processInstanceKey],
  );
  return rows.map((row) => ({
    key: row.key,
    processInstanceKey: row.process_instance_key,
    valueType: row.value_type,
    intent: row.intent,
    timestamp: row.timestamp,
    value: row.value,
  }));
}
