import { type EngineLogger } from '../logger';
import { type ActivatedJob, type ActivationRequest, activateJobs, yieldJob } from './commands/job-commands';
import { type CommandProcessor } from './processor';
import { type Runtime } from './runtime';

/** A worker waiting for jobs (ActivateJobs long poll). */
interface Poll {
  readonly request: ActivationRequest;
  readonly resolve: (jobs: ActivatedJob[]) => void;
  readonly timer: NodeJS.Timeout;
}

/** A worker that jobs are pushed to (StreamActivatedJobs). `push` returns false when it cannot take them. */
export interface JobStream {
  readonly request: Omit<ActivationRequest, 'maxJobs'>;
  push(job: ActivatedJob): boolean;
}

/**
 * Hands jobs to workers: at once when some are activatable, otherwise the request waits (long
 * polling) and is served as soon as a job of its type becomes activatable. Streams get new jobs
 * pushed, before waiting polls.
 */
export class JobDispatcher {
  private readonly polls = new Map<string, Poll[]>();
  private readonly streams = new Map<string, JobStream[]>();
  private readonly serving = new Set<string>();
  private readonly again = new Set<string>();
  private nextStream = 0;

  constructor(
    private readonly rt: Runtime,
    private readonly processor: CommandProcessor,
    private readonly log: EngineLogger,
  ) {}

  /**
   * Activates jobs now; with none and `waitMs` > 0, waits up to `waitMs` for some.
   * `onCancel` registers a hook for a client that goes away while waiting.
   */
  async activate(
    request: ActivationRequest,
    waitMs: number,
    onCancel?: (cancel: () => void) => void,
  ): Promise<ActivatedJob[]> {
    const jobs = await this.processor.submit('ACTIVATE', () => activateJobs(this.rt, request));
    if (jobs.length > 0 || waitMs <= 0) return jobs;
    return new Promise((resolve) => {
      const poll: Poll = { request, resolve, timer: setTimeout(() => this.dropPoll(poll, []), waitMs) };
      const list = this.polls.get(request.type) ?? [];
      list.push(poll);
      this.polls.set(request.type, list);
      onCancel?.(() => this.dropPoll(poll, []));
      // a job may have become activatable between the activation and the registration
      this.jobsAvailable(request.type);
    });
  }

  openStream(stream: JobStream): () => void {
    const list = this.streams.get(stream.request.type) ?? [];
    list.push(stream);
    this.streams.set(stream.request.type, list);
    return () => {
      const current = this.streams.get(stream.request.type)?.filter((s) => s !== stream) ?? [];
      if (current.length > 0) this.streams.set(stream.request.type, current);
      else this.streams.delete(stream.request.type);
    };
  }

  /** Jobs of `type` may be activatable: serve streams and waiting polls. */
  jobsAvailable(type: string): void {
    if (!this.polls.has(type) && !this.streams.has(type)) return;
    if (this.serving.has(type)) {
      this.again.add(type);
      return;
    }
    this.serving.add(type);
    setImmediate(() => void this.serve(type));
  }

  /** Ends every waiting poll with no jobs (shutdown). */
  close(): void {
    for (const polls of this.polls.values()) for (const poll of [...polls]) this.dropPoll(poll, []);
    this.streams.clear();
  }

  private async serve(type: string): Promise<void> {
    try {
      do {
        this.again.delete(type);
        await this.serveStreams(type);
        await this.servePolls(type);
      } while (this.again.has(type));
    } catch (error) {
      this.log.error({ err: error, type }, 'engine: handing out jobs failed');
    } finally {
      this.serving.delete(type);
    }
  }

  private async serveStreams(type: string): Promise<void> {
    const streams = this.streams.get(type);
    if (!streams || streams.length === 0) return;
    const stream = streams[this.nextStream++ % streams.length];
    const jobs = await this.processor.submit('ACTIVATE', () =>
      activateJobs(this.rt, { ...stream.request, maxJobs: 32 }),
    );
    for (const job of jobs) {
      if (!stream.push(job)) await this.processor.submit('YIELD', () => yieldJob(this.rt, job.job.key));
    }
    if (jobs.length === 32) this.again.add(type);
  }

  private async servePolls(type: string): Promise<void> {
    for (;;) {
      const poll = this.polls.get(type)?.[0];
      if (!poll) return;
      const jobs = await this.processor.submit('ACTIVATE', () => activateJobs(this.rt, poll.request));
      if (jobs.length === 0) return;
      if (!this.dropPoll(poll, jobs)) {
        // the worker left meanwhile: its jobs go back
        for (const job of jobs) await this.processor.submit('YIELD', () => yieldJob(this.rt, job.job.key));
      }
    }
  }

  /** Removes a poll and answers it; false if it was already gone. */
  private dropPoll(poll: Poll, jobs: ActivatedJob[]): boolean {
    const list = this.polls.get(poll.request.type);
    const index = list?.indexOf(poll) ?? -1;
    if (index < 0) return false;
    list!.splice(index, 1);
    if (list!.length === 0) this.polls.delete(poll.request.type);
    clearTimeout(poll.timer);
    poll.resolve(jobs);
    return true;
  }
}
