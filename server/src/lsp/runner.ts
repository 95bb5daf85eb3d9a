import type { CancellationToken, Connection } from 'vscode-languageserver';
import type { Method, Notifications, ParamsOf, ReplyOf } from './protocol';

// One broken document or one bug in a check must cost a single answer, never the server: every
// handler runs through these two guards.

export function logError(connection: Connection, what: string, error: unknown): void {
  const detail = error instanceof Error ? error.stack ?? error.message : String(error);
  connection.console.error(`nianbao: ${what} failed: ${detail}`);
}

/** Runs a request handler; a cancelled request or a thrown error answers `fallback`. */
export function runSafe<T>(connection: Connection, what: string, token: CancellationToken, fallback: T, run: () => T): T {
  if (token.isCancellationRequested) return fallback;
  try {
    return run();
  } catch (error) {
    logError(connection, what, error);
    return fallback;
  }
}

/** Wraps a notification or timer callback, which has no answer to fall back to. */
export function guard<A extends unknown[]>(connection: Connection, what: string, run: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      run(...args);
    } catch (error) {
      logError(connection, what, error);
    }
  };
}

/** Handles one of nianbao's own requests (protocol.ts), typed by its method. */
export function onRequest<M extends Method>(connection: Connection, method: M, handler: (params: ParamsOf<M>, token: CancellationToken) => ReplyOf<M> | Promise<ReplyOf<M>>): void {
  connection.onRequest<unknown, unknown>(method, handler);
}

/** Handles one of nianbao's own notifications (protocol.ts), guarded. */
export function onNotification<N extends keyof Notifications>(connection: Connection, method: N, handler: (params: Notifications[N]) => void): void {
  connection.onNotification(method, guard(connection, method, handler));
}
