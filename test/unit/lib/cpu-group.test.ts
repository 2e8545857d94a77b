import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cpuGroupOf, IDLE_CPU_GROUP, moveToIdleCpuGroup, removeIdleCpuGroup } from '../../../lib/cpu-group';

// lib/cpu-group.ts: the background's processes idle as one group of the scheduler, where this
// process may make one (cgroup v1 with the cpu controller, or a cgroup v2 delegated to it).

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A file system holding `files` (a path ending in '/' is a directory), as the module reads it. */
function fileSystem(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'cpu-group-'));
  roots.push(root);
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    if (name.endsWith('/')) mkdirSync(file, { recursive: true });
    else {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, content);
    }
  }
  return root;
}

const read = (root: string, file: string) => readFileSync(path.join(root, file), 'utf8');

/** A mountinfo line: `root` of the hierarchy mounted at `at`. */
const mount = (at: string, fsType: string, superOptions: string, root = '/') =>
  `41 31 0:38 ${root} ${at} rw,relatime - ${fsType} ${fsType} ${superOptions}\n`;

describe('cgroup v1 (a hierarchy with the cpu controller)', () => {
  test('the idle group is made in this process cgroup, set idle, and the process moved into it', async () => {
    // given a process in /user.slice of the cpu,cpuacct hierarchy
    const root = fileSystem({
      'proc/self/cgroup': '2:memory:/user.slice\n1:cpu,cpuacct:/user.slice\n0::/user.slice\n',
      'proc/self/mountinfo':
        mount('/sys/fs/cgroup/memory', 'cgroup', 'rw,memory') +
        mount('/sys/fs/cgroup/cpu,cpuacct', 'cgroup', 'rw,cpu,cpuacct') +
        mount('/sys/fs/cgroup/unified', 'cgroup2', 'rw'),
      'sys/fs/cgroup/cpu,cpuacct/user.slice/': '',
    });
    // when
    const outcome = await moveToIdleCpuGroup(4242, { root, asRoot: false });
    // then
    const group = `sys/fs/cgroup/cpu,cpuacct/user.slice/${IDLE_CPU_GROUP}`;
    expect(outcome).toEqual({ group: path.join(root, group) });
    expect(read(root, `${group}/cpu.idle`)).toBe('1');
    expect(read(root, `${group}/cgroup.procs`)).toBe('4242');
  });

  test('a process in the idle group already (the background) puts others into the same group', async () => {
    // given this process in the idle group (as root, at the top of the tree)
    const root = fileSystem({
      'proc/self/cgroup': `1:cpu:/${IDLE_CPU_GROUP}\n`,
      'proc/self/mountinfo': mount('/sys/fs/cgroup/cpu', 'cgroup', 'rw,cpu'),
      [`sys/fs/cgroup/cpu/${IDLE_CPU_GROUP}/`]: '',
    });
    // when
    const outcome = await moveToIdleCpuGroup(31, { root, asRoot: true });
    // then not a group inside the group
    expect(outcome).toEqual({ group: path.join(root, 'sys/fs/cgroup/cpu', IDLE_CPU_GROUP) });
    expect(read(root, `sys/fs/cgroup/cpu/${IDLE_CPU_GROUP}/cgroup.procs`)).toBe('31');
  });

  test('a hierarchy mounted from below its root (a container) is found where it is mounted', async () => {
    // given a container whose cgroup /docker/abc is what is mounted at /sys/fs/cgroup/cpu
    const root = fileSystem({
      'proc/self/cgroup': '1:cpu:/docker/abc\n',
      'proc/self/mountinfo': mount('/sys/fs/cgroup/cpu', 'cgroup', 'rw,cpu', '/docker/abc'),
      'sys/fs/cgroup/cpu/': '',
    });
    // when
    const outcome = await moveToIdleCpuGroup(7, { root, asRoot: false });
    // then
    expect(outcome).toEqual({ group: path.join(root, 'sys/fs/cgroup/cpu', IDLE_CPU_GROUP) });
  });

  test('a kernel without cpu.idle (before 5.15) gets the smallest weight instead', async () => {
    // given a group whose cpu.idle cannot be written
    const root = fileSystem({
      'proc/self/cgroup': '1:cpu:/\n',
      'proc/self/mountinfo': mount('/sys/fs/cgroup/cpu', 'cgroup', 'rw,cpu'),
      [`sys/fs/cgroup/cpu/${IDLE_CPU_GROUP}/cpu.idle/`]: '',
    });
    // when
    const outcome = await moveToIdleCpuGroup(7, { root, asRoot: false });
    // then
    expect(outcome.group).not.toBeNull();
    expect(read(root, `sys/fs/cgroup/cpu/${IDLE_CPU_GROUP}/cpu.shares`)).toBe('2');
  });

  test('the group is removed at shutdown, once empty', async () => {
    // given an idle group with no process left in it
    const root = fileSystem({
      'proc/self/cgroup': '1:cpu:/\n',
      'proc/self/mountinfo': mount('/sys/fs/cgroup/cpu', 'cgroup', 'rw,cpu'),
      [`sys/fs/cgroup/cpu/${IDLE_CPU_GROUP}/`]: '',
    });
    // when
    const removed = await removeIdleCpuGroup({ root, asRoot: false });
    // then
    expect(removed).toBe(true);
    expect(existsSync(path.join(root, 'sys/fs/cgroup/cpu', IDLE_CPU_GROUP))).toBe(false);
    expect(await removeIdleCpuGroup({ root, asRoot: false })).toBe(false);
  });
});

describe('cgroup v2', () => {
  const unit = 'system.slice/complaints.service';

  test('under a unit delegated with a subgroup (systemd Delegate=cpu, DelegateSubgroup=main), the group is made beside the subgroup', async () => {
    // given this process in <unit>/main, which holds processes and so may not have cpu-controlled
    // children (its subtree_control refuses, here by being unusable), and the unit delegating cpu
    const root = fileSystem({
      'proc/self/cgroup': `0::/${unit}/main\n`,
      'proc/self/mountinfo': mount('/sys/fs/cgroup', 'cgroup2', 'rw,nsdelegate'),
      [`sys/fs/cgroup/${unit}/main/cgroup.controllers`]: 'cpu memory pids\n',
      [`sys/fs/cgroup/${unit}/main/cgroup.subtree_control/`]: '',
      [`sys/fs/cgroup/${unit}/cgroup.controllers`]: 'cpu memory pids\n',
      [`sys/fs/cgroup/${unit}/cgroup.subtree_control`]: 'cpu memory\n',
    });
    // when
    const outcome = await moveToIdleCpuGroup(99, { root, asRoot: false });
    // then
    const group = `sys/fs/cgroup/${unit}/${IDLE_CPU_GROUP}`;
    expect(outcome).toEqual({ group: path.join(root, group) });
    expect(read(root, `${group}/cpu.idle`)).toBe('1');
    expect(read(root, `${group}/cgroup.procs`)).toBe('99');
  });

  test('the cpu controller is enabled for the children of a cgroup that may have them', async () => {
    // given this process in the root cgroup, cpu available but not yet enabled below it
    const root = fileSystem({
      'proc/self/cgroup': '0::/\n',
      'proc/self/mountinfo': mount('/sys/fs/cgroup', 'cgroup2', 'rw'),
      'sys/fs/cgroup/cgroup.controllers': 'cpuset cpu io memory pids\n',
      'sys/fs/cgroup/cgroup.subtree_control': 'memory\n',
    });
    // when
    const outcome = await moveToIdleCpuGroup(5, { root, asRoot: false });
    // then
    expect(outcome.group).toBe(path.join(root, 'sys/fs/cgroup', IDLE_CPU_GROUP));
    expect(read(root, 'sys/fs/cgroup/cgroup.subtree_control')).toBe('+cpu');
  });

  test('without the cpu controller delegated, nothing changes and the reason is given', async () => {
    // given a user session whose cgroups have no cpu controller
    const root = fileSystem({
      'proc/self/cgroup': '0::/user.slice/session-3.scope\n',
      'proc/self/mountinfo': mount('/sys/fs/cgroup', 'cgroup2', 'rw'),
      'sys/fs/cgroup/user.slice/session-3.scope/cgroup.controllers': 'memory pids\n',
      'sys/fs/cgroup/user.slice/session-3.scope/cgroup.subtree_control': '',
      'sys/fs/cgroup/user.slice/cgroup.controllers': 'memory pids\n',
      'sys/fs/cgroup/user.slice/cgroup.subtree_control': 'memory pids\n',
    });
    // when
    const outcome = await moveToIdleCpuGroup(5, { root, asRoot: false });
    // then
    expect(outcome).toEqual({
      group: null,
      reason: expect.stringContaining('cpu controller is not delegated'),
    });
    expect(existsSync(path.join(root, 'sys/fs/cgroup/user.slice', IDLE_CPU_GROUP))).toBe(false);
  });
});

test('root makes no group inside a tree a manager owns (systemd), only at the top of what it sees', async () => {
  // given root in a systemd service's cgroup, every cgroup writable to it
  const files = {
    'proc/self/cgroup': '1:cpu:/system.slice/complaints.service\n',
    'proc/self/mountinfo': mount('/sys/fs/cgroup/cpu', 'cgroup', 'rw,cpu'),
    'sys/fs/cgroup/cpu/system.slice/complaints.service/': '',
  };
  const managed = fileSystem(files);
  // when
  const outcome = await moveToIdleCpuGroup(5, { root: managed, asRoot: true });
  // then
  expect(outcome).toEqual({ group: null, reason: 'no control group with the cpu controller' });
  expect(
    existsSync(path.join(managed, 'sys/fs/cgroup/cpu/system.slice/complaints.service', IDLE_CPU_GROUP)),
  ).toBe(false);
  // while in a container, whose own tree is mounted from its cgroup, root makes it
  const container = fileSystem({
    ...files,
    'proc/self/mountinfo': mount(
      '/sys/fs/cgroup/cpu',
      'cgroup',
      'rw,cpu',
      '/system.slice/complaints.service',
    ),
    'sys/fs/cgroup/cpu/': '',
  });
  expect(await moveToIdleCpuGroup(5, { root: container, asRoot: true })).toEqual({
    group: path.join(container, 'sys/fs/cgroup/cpu', IDLE_CPU_GROUP),
  });
});

test('with no control groups mounted, nothing changes and the reason is given', async () => {
  // given a system without cgroup file systems
  const root = fileSystem({ 'proc/self/cgroup': '0::/\n', 'proc/self/mountinfo': mount('/', 'ext4', 'rw') });
  // when
  const outcome = await moveToIdleCpuGroup(5, { root });
  // then
  expect(outcome).toEqual({ group: null, reason: 'no control group with the cpu controller' });
});

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

// this kind of machine: Linux, root, the cpu controller writable (CI runs as root)
(os.platform() === 'linux' && process.getuid?.() === 0 ? test : test.skip)(
  'on this machine, as root, a process is moved into the idle group of the real kernel',
  async () => {
    // given a running process
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    children.push(child);
    const pid = child.pid as number;
    // when
    const outcome = await moveToIdleCpuGroup(pid);
    // then it runs in the group, which the kernel runs as idle
    expect(outcome.group).toEqual(expect.stringMatching(new RegExp(`/${IDLE_CPU_GROUP}$`)));
    expect(await cpuGroupOf(pid)).toMatch(new RegExp(`/${IDLE_CPU_GROUP}$`));
    expect(readFileSync(path.join(outcome.group as string, 'cpu.idle'), 'utf8').trim()).toBe('1');
    expect(await cpuGroupOf(process.pid)).not.toMatch(IDLE_CPU_GROUP);
  },
);
