// The packages below ship no usable typings for a CommonJS import (domino's own file declares the
// module under its old name); these are the parts extraction uses.
declare module '@mixmark-io/domino' {
  export function createDocument(html?: string, force?: boolean): Document;
}

declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export const gfm: TurndownService.Plugin;
}
