// The parts of the (untyped) @citation-js packages the citation specs use to import our output
// the way a reference manager would.
declare module '@citation-js/core' {
  export interface CslName {
    literal?: string;
    family?: string;
    given?: string;
  }
  export interface CslItem {
    id?: string;
    type?: string;
    title?: string;
    author?: CslName[];
    issued?: { 'date-parts': number[][] };
    accessed?: { 'date-parts': number[][] };
    URL?: string;
    note?: string;
    [field: string]: unknown;
  }
  export class Cite {
    constructor(data: unknown, options?: { forceType?: string });
    data: CslItem[];
    format(format: string, options?: Record<string, unknown>): string;
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
