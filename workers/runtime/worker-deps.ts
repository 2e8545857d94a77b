import type { CamundaRestClient } from '@camunda8/sdk';
import type { DataSource } from 'typeorm';
import type { NotifyTransport } from '../../lib/config';
import type { ForegroundGate } from '../../lib/foreground-gate';
import type { Logger } from '../../lib/logger';

/** What every worker may use. Built once by whoever starts the workers (bin/start.ts, tests). */
export interface WorkerDeps {
  /** The application database (TypeORM, migrated). */
  readonly db: DataSource;
  /** The REST API v2 client (user task lookups, e.g. who holds an overdue task). */
  readonly rest: CamundaRestClient;
  /** The current time; tests pass the engine's clock. */
  readonly now: () => Date;
  readonly log: Logger;
  /** The transports notifications may take (config `notifications.transports`); default `['log']`. */
  readonly notifyTransports?: readonly NotifyTransport[];
  /** Where each job waits before its handler runs while the HTTP server is busy (bin/background.ts). */
  readonly gate?: Pick<ForegroundGate, 'wait'>;
}
