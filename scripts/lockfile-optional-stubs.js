#!/usr/bin/env node
/**
 * `npm ci` (npm 11) refuses a lock file that lacks an entry for any optional dependency, even for
 * other platforms' binaries (@swc/core-darwin-arm64, …). The registry this project installs from
 * does not serve those, so `npm install` cannot record them. This adds a minimal entry (name,
 * version, optional) for each missing one; on install npm skips them as optional packages it cannot
 * fetch. Run after changing dependencies: `npm run lockfile:fix`. A unit test checks it was run.
 */
const fs = require('node:fs');
const path = require('node:path');

const file = path.join(__dirname, '..', 'package-lock.json');

/** Optional dependencies named by lock entries that have no entry of their own. */
function missingOptional(lock) {
  const packages = lock.packages;
  const missing = new Map();
  for (const [where, entry] of Object.entries(packages)) {
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${where ? `${where}/` : ''}node_modules/${name}`;
      const hoisted = `node_modules/${name}`;
      if (packages[nested] || packages[hoisted]) continue;
      missing.set(hoisted, {
        version: range.replace(/^[\^~=]/, ''),
        optional: true,
        ...(entry.dev ? { dev: true } : {}),
      });
    }
  }
  return missing;
}

function main() {
  const lock = JSON.parse(fs.readFileSync(file, 'utf8'));
  const missing = missingOptional(lock);
  if (process.argv.includes('--check')) {
    if (missing.size > 0) {
      console.error(`package-lock.json lacks ${missing.size} optional entries; run \`npm run lockfile:fix\``);
      process.exit(1);
    }
    return;
  }
  Object.assign(lock.packages, Object.fromEntries(missing));
  const [root, ...rest] = Object.keys(lock.packages);
  const ordered = { [root]: lock.packages[root] };
  for (const key of rest.sort()) ordered[key] = lock.packages[key];
  lock.packages = ordered;
  fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(`package-lock.json: added ${missing.size} optional entries`);
}

if (require.main === module) main();
module.exports = { missingOptional };
