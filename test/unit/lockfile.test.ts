import { readFileSync } from 'node:fs';
import path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { missingOptional } = require('../../scripts/lockfile-optional-stubs.js') as {
  missingOptional(lock: unknown): Map<string, unknown>;
};

test('package-lock.json names every optional dependency, so that `npm ci` accepts it on npm 11', () => {
  // given the lock file as committed
  const lock = JSON.parse(readFileSync(path.join(__dirname, '../../package-lock.json'), 'utf8'));
  // when we look for optional dependencies without an entry of their own
  const missing = [...missingOptional(lock).keys()];
  // then there are none (otherwise: npm run lockfile:fix)
  expect(missing).toEqual([]);
});
