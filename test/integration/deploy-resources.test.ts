import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deployResources, findDeployableResources } from '../../lib/deploy-resources';
import { createLogger } from '../../lib/logger';
import { startTestEngine, type TestEngine } from '../helpers/engine';

const PROCESSES = path.join(__dirname, 'fixtures/processes');
const log = createLogger({ level: 'silent', pretty: false });

let t: TestEngine;
beforeAll(async () => {
  t = await startTestEngine();
});
afterAll(() => t.stop());

test('the deployable resources of a folder are its .bpmn and .form files, subfolders included', async () => {
  // when
  const files = await findDeployableResources(PROCESSES);
  // then
  expect(files.map((file) => path.relative(PROCESSES, file))).toEqual([
    'forms/review-request.form',
    'review-request.bpmn',
  ]);
});

test('a missing folder has nothing to deploy', async () => {
  // when
  const files = await findDeployableResources(path.join(PROCESSES, 'no-such-folder'));
  // then
  expect(files).toEqual([]);
});

test('every diagram and form of the folder is deployed in one deployment', async () => {
  // when
  const deployed = await deployResources(t.zeebe, PROCESSES, log);
  // then
  expect(deployed).toEqual({ processes: { 'review-request': 1 }, forms: { 'review-request-form': 1 } });
  const started = await t.zeebe.createProcessInstance({ bpmnProcessId: 'review-request', variables: {} });
  expect(started.bpmnProcessId).toBe('review-request');
});

test('deploying the unchanged folder again keeps the versions', async () => {
  // given
  await deployResources(t.zeebe, PROCESSES, log);
  // when
  const deployed = await deployResources(t.zeebe, PROCESSES, log);
  // then
  expect(deployed).toEqual({ processes: { 'review-request': 1 }, forms: { 'review-request-form': 1 } });
});

test('an empty folder deploys nothing and is not an error', async () => {
  // given
  const empty = mkdtempSync(path.join(tmpdir(), 'no-processes-'));
  // when
  const deployed = await deployResources(t.zeebe, empty, log);
  // then
  expect(deployed).toEqual({ processes: {}, forms: {} });
});
