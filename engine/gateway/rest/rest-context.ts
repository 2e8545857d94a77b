import { type EngineApi } from '../../api/engine-api';
import { type EngineQueries } from '../../api/queries';
import { type EngineLogger } from '../../logger';

export interface RestGatewayOptions {
  readonly host: string;
  readonly port: number;
  /** Largest request body (413 above it), as Zeebe's `maxMessageSize`. */
  readonly maxMessageSize: number;
  readonly version: string;
  readonly grpcPort: () => number;
  /** How long `POST /v2/jobs/activation` waits for jobs when the client sets no `requestTimeout`. */
  readonly longPollTimeoutMs: number;
}

/** What every route reaches: commands through the API, reads through the queries. */
export interface RestContext {
  readonly api: EngineApi;
  readonly queries: EngineQueries;
  readonly options: RestGatewayOptions;
  readonly log: EngineLogger;
}
