import { parseBpmn } from '../bpmn/parse-bpmn';
import { parseForm } from '../bpmn/parse-form';
import { ModelValidationError } from '../bpmn/model';
import { type ParsedResource } from '../runtime/commands/deploy';
import { rejected } from '../runtime/rejection';

export interface ResourceInput {
  readonly name: string;
  readonly content: Buffer | string;
}

const PREFIX = 'Expected to deploy new resources, but encountered the following errors:';

/** Parses and validates every resource of a deployment; all problems are reported together. */
export async function parseResources(resources: readonly ResourceInput[]): Promise<ParsedResource[]> {
  if (resources.length === 0)
    throw rejected('CREATE', 'INVALID_ARGUMENT', 'Expected to deploy at least one resource, but none given');
  const parsed: ParsedResource[] = [];
  const errors: string[] = [];
  for (const resource of resources) {
    const content =
      typeof resource.content === 'string' ? resource.content : resource.content.toString('utf8');
    const name = resource.name;
    try {
      if (/\.(bpmn|xml)$/i.test(name)) {
        parsed.push({ kind: 'bpmn', name, content, processes: await parseBpmn(content, name) });
      } else if (/\.form$/i.test(name)) {
        parsed.push({ kind: 'form', name, content, form: parseForm(content, name) });
      } else if (/\.dmn$/i.test(name)) {
        errors.push(
          `'${name}': DMN decisions are not supported by the embedded engine (use a job-based business rule task)`,
        );
      } else {
        errors.push(`'${name}': unknown resource type (expected .bpmn, .xml or .form)`);
      }
    } catch (error) {
      if (error instanceof ModelValidationError) errors.push(error.message);
      else errors.push(`'${name}': ${(error as Error).message}`);
    }
  }
  if (errors.length > 0) throw rejected('CREATE', 'INVALID_ARGUMENT', `${PREFIX}\n${errors.join('\n')}`);
  return parsed;
}
