import * as vscode from 'vscode';
import zhBundle from '../../l10n/bundle.l10n.zh-cn.json';

// The extension's own messages speak the language the diagnostics speak: nianbao.language (Chinese
// by default, English, or “auto” = VS Code's display language), as the server decides it. The source
// strings are English; l10n/bundle.l10n.zh-cn.json has the Chinese. When the setting and VS Code's
// display language agree, vscode.l10n answers as usual; when they differ, the setting wins and the
// bundle shipped here is read directly. Menus and settings (package.nls*.json) cannot follow a setting:
// they follow the display language only.

export type Locale = 'zh' | 'en';

const ZH: Record<string, string> = zhBundle;

/** The language of the extension's messages and of the server's findings (server/src/lsp/server.ts: localeOf). */
export function locale(): Locale {
  const chosen = vscode.workspace.getConfiguration('nianbao').get<string>('language', 'zh');
  return chosen === 'en' || (chosen === 'auto' && vscode.env.language.toLowerCase().startsWith('en')) ? 'en' : 'zh';
}

const format = (message: string, args: (string | number)[]) =>
  message.replace(/\{(\d+)\}/g, (whole, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : whole));

export const l10n = {
  /** `message` is the English source with {0}-style placeholders, as for vscode.l10n.t. */
  t(message: string, ...args: (string | number)[]): string {
    const wanted = locale();
    // VS Code loads bundle.l10n.zh-cn.json only when its display language is exactly zh-cn.
    const display: Locale = vscode.env.language.toLowerCase() === 'zh-cn' ? 'zh' : 'en';
    if (wanted === display) return vscode.l10n.t(message, ...args);
    return format(wanted === 'zh' ? ZH[message] ?? message : message, args);
  },
};
