// The part of bpmnlint's API the diagram lint test uses (the package ships no types for it).
declare module 'bpmnlint' {
  export interface LintReport {
    readonly id?: string;
    readonly message: string;
    readonly category: 'error' | 'warn' | 'info' | 'rule-error';
  }

  export interface LinterOptions {
    readonly config: {
      readonly extends?: string | readonly string[];
      readonly rules?: Record<string, unknown>;
    };
    readonly resolver: unknown;
  }

  export class Linter {
    constructor(options: LinterOptions);
    /** Reports per rule name. */
    lint(definitions: unknown): Promise<Record<string, readonly LintReport[]>>;
  }
}

declare module 'bpmnlint/lib/resolver/node-resolver' {
  export default class NodeResolver {
    constructor(options?: { require?: NodeJS.Require; requireLocal?: NodeJS.Require });
  }
}
