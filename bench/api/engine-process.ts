import { spawn } from 'node:child_process';
import path from 'node:path';
import type { CamundaTarget } from '../../lib/camunda';
import type { Teardown } from './teardown';

/**
 * The embedded engine in a process of its own (`bin/engine.ts` on the benchmark's PostgreSQL), for
 * `--engine process`: the API and the workers then no longer share their event loop with it.
 */
export async function startEngineProcess(
  teardown: Teardown,
  options: { databaseUrl: string; grpcPort: number; restPort: number },
): Promise<CamundaTarget> {
  const root = path.resolve(__dirname, '..', '..');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'bin', 'engine.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      ENGINE_GRPC_PORT: String(options.grpcPort),
      ENGINE_REST_PORT: String(options.restPort),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  teardown.add('engine process', async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Client environment')) resolve();
    });
    child.once('exit', (code) =>
      reject(new Error(`the engine process exited with ${code} before it was ready`)),
    );
  });
  return {
    grpcAddress: `grpc://127.0.0.1:${options.grpcPort}`,
    restAddress: `http://127.0.0.1:${options.restPort}`,
    embedded: true,
  };
}
