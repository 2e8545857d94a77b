import pg from 'pg';

/**
 * The system's PostgreSQL write-ahead log, as the benchmark sees it. PostgreSQL writes its WAL into
 * 16 MB files. Where no old file is left to reuse, a commit that crosses into a new file waits while
 * that file is written full of zeros and flushed (about 80 ms on the 2-core machines here), and so
 * does every commit behind it. A system that has run for a while reuses the files its checkpoints
 * have finished with; a fresh cluster, like the benchmark's, has none, and stalls every 16 MB. So each
 * measured run starts right after a checkpoint, as in a running system (`checkpoint_timeout` is
 * 5 minutes): the files written so far are kept for reuse. Right after a checkpoint, each page's first
 * change writes the whole page to the WAL, so this is the costly end of the checkpoint cycle.
 */
export class WriteAheadLog {
  private constructor(private readonly client: pg.Client) {}

  static async connect(databaseUrl: string): Promise<WriteAheadLog> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    return new WriteAheadLog(client);
  }

  /** Runs a checkpoint and gives back the ms it took. */
  async checkpoint(): Promise<number> {
    const started = performance.now();
    await this.client.query('CHECKPOINT');
    return performance.now() - started;
  }

  /**
   * WAL files PostgreSQL has created (written full of zeros) since it started, from `pg_stat_io`;
   * null before PostgreSQL 18, which does not count them.
   */
  async filesCreated(): Promise<number | null> {
    try {
      const { rows } = await this.client.query<{ created: string | null }>(
        `SELECT sum(writes)::text AS created FROM pg_stat_io WHERE object = 'wal' AND context = 'init'`,
      );
      const created = rows[0]?.created;
      return created === null || created === undefined ? null : Number(created);
    } catch {
      return null;
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
