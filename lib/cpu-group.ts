import { mkdir, readFile, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { messageOf } from './errors';

/**
 * The idle CPU group: a Linux control group (cgroup) whose processes run only on CPU time nobody
 * else wants, as SCHED_IDLE gives one process, but for the group as a whole (`cpu.idle`, Linux 5.15+;
 * where the kernel has none, the smallest weight instead). The background process and the database
 * server processes serving it are put there when they are lowered to `idle` (process-priority.ts).
 *
 * Why a group: SCHED_IDLE holds for each process only within its group of the scheduler. Where all
 * processes are in the root group, Linux shares the CPU between sessions first (autogroups), and
 * PostgreSQL makes each of its processes a session: a lowered autogroup still has 15 of the 1024
 * weight of a normal one and does not give way at once when the API's processes wake up. Measured on
 * 2 cores with complaints filed at 200/s: the API's p50/p99 was 5.4–6.8 / 35–59 ms with the
 * background's processes lowered one by one, 4.4–4.9 / 21–30 ms with them in an idle group (and 4.0–4.5
 * / 10–13 ms with the background stopped).
 *
 * The group is made under the cgroup this process is in, where that may be written:
 * - as a user other than root, where a cgroup was delegated to it: cgroup v1 with the `cpu`
 *   controller, or cgroup v2 where `cpu` is delegated. Under systemd that is a unit with
 *   `Delegate=cpu` and `DelegateSubgroup=main` (the service runs in a subgroup, and the idle group is
 *   made beside it);
 * - as root, only at the top of the cgroup tree it sees (a container with its own cgroup namespace, or
 *   a machine whose cgroups no manager owns, like this project's CI machines): root could write
 *   anywhere, and a group made inside systemd's tree is one systemd does not know.
 * Elsewhere nothing changes, and the reason is given back.
 */
export const IDLE_CPU_GROUP = 'complaints-idle';

/** Where the group went, or why there is none. */
export type CpuGroupOutcome = { readonly group: string } | { readonly group: null; readonly reason: string };

/**
 * Where to look: `root`, where the file system starts (tests give another), and whether this process
 * runs as root (the OS user), to which every cgroup is writable.
 */
export interface CpuGroupHost {
  readonly root?: string;
  readonly asRoot?: boolean;
}

const THIS_HOST: CpuGroupHost = {};

/** A cgroup whose child the idle group may be: its directory, and the cgroup version. */
interface ParentGroup {
  readonly dir: string;
  readonly version: 1 | 2;
}

/**
 * Puts process `pid` (all its threads) into the idle CPU group, making the group first when needed.
 * Never throws.
 */
export async function moveToIdleCpuGroup(pid: number, host = THIS_HOST): Promise<CpuGroupOutcome> {
  let parents: ParentGroup[];
  try {
    parents = await parentGroupsOf(host);
  } catch (error) {
    return { group: null, reason: `cannot read this process's control groups: ${messageOf(error)}` };
  }
  if (parents.length === 0) return { group: null, reason: 'no control group with the cpu controller' };
  const reasons: string[] = [];
  for (const parent of parents) {
    const dir = path.join(parent.dir, IDLE_CPU_GROUP);
    const enter = async () => {
      await makeIdleGroup(parent, dir);
      await writeFile(path.join(dir, 'cgroup.procs'), String(pid));
    };
    try {
      // made afresh, once, when another system removed it in between (removeIdleCpuGroup)
      await enter().catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
        return enter();
      });
      return { group: dir };
    } catch (error) {
      reasons.push(`${dir}: ${messageOf(error)}`);
    }
  }
  return { group: null, reason: `no idle CPU group could be used (${reasons.join('; ')})` };
}

/**
 * Removes the idle CPU group when no process is left in it (at shutdown; another system on the
 * machine may still use it, which then keeps it). True when it was removed.
 */
export async function removeIdleCpuGroup(host = THIS_HOST): Promise<boolean> {
  let removed = false;
  for (const parent of await parentGroupsOf(host).catch(() => [])) {
    try {
      await rmdir(path.join(parent.dir, IDLE_CPU_GROUP));
      removed = true;
    } catch {
      // not there, or still in use
    }
  }
  return removed;
}

/** The control group of process `pid` in the hierarchy that has the cpu controller ('/...'), if any. */
export async function cpuGroupOf(pid: number): Promise<string | undefined> {
  const memberships = parseMemberships(await readFile(`/proc/${pid}/cgroup`, 'utf8'));
  const v1 = memberships.find((m) => m.controllers.includes('cpu'));
  return v1?.path ?? memberships.find((m) => m.id === '0')?.path;
}

async function makeIdleGroup(parent: ParentGroup, dir: string): Promise<void> {
  if (parent.version === 2) {
    const controllers = await readFile(path.join(parent.dir, 'cgroup.controllers'), 'utf8');
    if (!words(controllers).includes('cpu')) throw new Error('the cpu controller is not delegated here');
    const enabled = await readFile(path.join(parent.dir, 'cgroup.subtree_control'), 'utf8');
    // refused (EBUSY) where the cgroup holds processes itself: v2 allows those no controlled children
    if (!words(enabled).includes('cpu'))
      await writeFile(path.join(parent.dir, 'cgroup.subtree_control'), '+cpu');
  }
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  try {
    await writeFile(path.join(dir, 'cpu.idle'), '1');
  } catch {
    // a kernel before 5.15: the smallest weight (v1 cpu.shares 2, v2 cpu.weight 1)
    await writeFile(
      path.join(dir, parent.version === 1 ? 'cpu.shares' : 'cpu.weight'),
      parent.version === 1 ? '2' : '1',
    );
  }
}

/**
 * The cgroups the idle group may be made in, in order: for v1, the cgroup of this process in the
 * hierarchy with the cpu controller; for v2, this process's cgroup, then its parent (a delegated
 * unit whose processes run in a subgroup). Another user may write only where the cgroup was
 * delegated to it, so whatever it may write is its own to use. Root may write anywhere, so root uses
 * only the top of what it sees (a container's own tree, or a machine without a cgroup manager) and never
 * makes groups inside a tree that systemd manages.
 */
async function parentGroupsOf(host: CpuGroupHost): Promise<ParentGroup[]> {
  const root = host.root ?? '/';
  const asRoot = host.asRoot ?? process.getuid?.() === 0;
  const [cgroups, mountinfo] = await Promise.all([
    readFile(path.join(root, 'proc/self/cgroup'), 'utf8'),
    readFile(path.join(root, 'proc/self/mountinfo'), 'utf8'),
  ]);
  const mounts = parseMounts(mountinfo);
  const parents: ParentGroup[] = [];
  for (const membership of parseMemberships(cgroups)) {
    const v1 = membership.controllers.includes('cpu');
    const v2 = membership.id === '0' && membership.controllers.length === 0;
    if (!v1 && !v2) continue;
    const mount = mounts.find((m) =>
      v1 ? m.fsType === 'cgroup' && words(m.superOptions, ',').includes('cpu') : m.fsType === 'cgroup2',
    );
    if (!mount) continue;
    // a process in the idle group already (the background, lowering its database connections) uses it
    const own = membership.path;
    const relative = path.posix.relative(
      mount.root,
      path.posix.basename(own) === IDLE_CPU_GROUP ? path.posix.dirname(own) : own,
    );
    if (relative.startsWith('..')) continue; // outside what is mounted (another cgroup namespace)
    if (asRoot && relative !== '') continue;
    const dir = path.join(root, mount.mountPoint, relative);
    if (v1) parents.push({ dir, version: 1 });
    else {
      parents.push({ dir, version: 2 });
      if (relative !== '') parents.push({ dir: path.dirname(dir), version: 2 });
    }
  }
  return parents;
}

interface Membership {
  readonly id: string;
  readonly controllers: string[];
  readonly path: string;
}

/** /proc/<pid>/cgroup: `id:controllers:path` per hierarchy (v2: `0::path`). */
function parseMemberships(text: string): Membership[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [id, controllers, ...rest] = line.split(':');
      return { id, controllers: words(controllers, ','), path: rest.join(':') };
    });
}

interface Mount {
  readonly root: string;
  readonly mountPoint: string;
  readonly fsType: string;
  readonly superOptions: string;
}

/** /proc/self/mountinfo: `id parent dev root mountpoint options [optional...] - fstype source superoptions`. */
function parseMounts(text: string): Mount[] {
  return text
    .split('\n')
    .filter((line) => line.includes(' - '))
    .map((line) => {
      const [left, right] = line.split(' - ');
      const fields = left.split(' ');
      const [fsType, , superOptions = ''] = right.split(' ');
      return { root: unescapeMount(fields[3]), mountPoint: unescapeMount(fields[4]), fsType, superOptions };
    });
}

/** mountinfo writes spaces, tabs, newlines and backslashes in paths as octal escapes. */
function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));
}

function words(text: string, separator: string | RegExp = /\s+/): string[] {
  return text
    .trim()
    .split(separator)
    .filter((word) => word !== '');
}
