import type { CancellationToken } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Method, Notifications, ParamsOf, ReplyOf } from '../../server/src/lsp/protocol';

// nianbao's own requests and notifications to its server, typed by method (server/src/lsp/protocol.ts).

export const request = <M extends Method>(c: LanguageClient, method: M, params: ParamsOf<M>, token?: CancellationToken): Promise<ReplyOf<M>> =>
  c.sendRequest<ReplyOf<M>>(method, params, token);

export const notify = <N extends keyof Notifications>(c: LanguageClient, method: N, params: Notifications[N]): Promise<void> =>
  c.sendNotification(method, params);
