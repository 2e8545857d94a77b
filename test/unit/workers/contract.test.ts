import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { errorCodesCaughtIn, jobTypesOf } from '../../../processes/diagram-facts';
import { workerRegistry } from '../../../workers/registry';

const diagram = () => readFile(path.join(__dirname, '../../../processes/complaint-handling.bpmn'), 'utf8');

describe('the workers and the complaint-handling diagram', () => {
  it("the diagram's job types are exactly the registry's", async () => {
    // given
    const xml = await diagram();
    // when
    const inDiagram = await jobTypesOf(xml);
    // then
    expect(workerRegistry.map((w) => w.jobType).sort()).toEqual(inDiagram);
  });

  it('each job type has one worker', () => {
    // when
    const jobTypes = workerRegistry.map((w) => w.jobType);
    // then
    expect(new Set(jobTypes).size).toBe(jobTypes.length);
  });

  it.each(workerRegistry.filter((w) => w.bpmnErrors.length > 0).map((w) => [w.jobType, w.bpmnErrors]))(
    'every BPMN error %s throws (%j) is caught in the diagram',
    async (_jobType, bpmnErrors) => {
      // given
      const caught = await errorCodesCaughtIn(await diagram());
      // when
      const uncaught = (bpmnErrors as readonly string[]).filter((code) => !caught.includes(code));
      // then
      expect(uncaught).toEqual([]);
    },
  );
});
