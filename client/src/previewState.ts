// What the table preview keeps across a reload of VS Code (client/src/preview.ts): the webview saves
// the URI of the document it shows with setState (media/preview.js); VS Code hands that state back to
// the panel's serializer after the reload, which shows that document's tables again. No vscode import:
// the unit tests read it.

/** The preview panel's view type; package.json activates the extension on `onWebviewPanel:` it. */
export const PREVIEW_VIEW_TYPE = 'nianbao.preview';

/** The state the webview saves: the document whose tables it shows. */
export interface PreviewState { uri: string }

/** The document a restored panel showed, or undefined when its saved state names none (saved by an older version, or none saved). */
export function restoredUri(state: unknown): string | undefined {
  const uri = typeof state === 'object' && state !== null ? (state as Partial<PreviewState>).uri : undefined;
  return typeof uri === 'string' && uri !== '' ? uri : undefined;
}
