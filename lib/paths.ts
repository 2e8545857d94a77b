import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The project root: the nearest folder above this file holding package.json. The same from the
 * TypeScript sources (lib/) and from the build (dist/lib/).
 */
export function projectRoot(from = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (dir === path.dirname(dir)) throw new Error(`no package.json above ${from}`);
  }
}

/** The BPMN diagrams and forms deployed at start-up. */
export function processesDir(): string {
  return path.join(projectRoot(), 'processes');
}
