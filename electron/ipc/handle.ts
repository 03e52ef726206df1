/**
 * The single wrapper every IPC handler goes through. For each call it
 *  1. refuses senders that are not our own page (`app://claimmark/…`),
 *  2. validates the arguments with the zod tuple from shared/ipc.ts, and
 *  3. returns a `Result` — the handler's value, or an error message — so
 *     nothing is ever thrown across the bridge.
 * A refused call never reaches its handler.
 */
import {
  invokeArgs,
  type InvokeArgs,
  type InvokeChannel,
  type InvokeResult,
  type InvokeResults,
} from '../../shared/ipc';
import { APP_ORIGIN } from '../app-protocol';
import { z } from 'zod';

export type InvokeHandlers = {
  [C in InvokeChannel]: (...args: InvokeArgs<C>) => Promise<InvokeResults[C]>;
};

/** The slice of `ipcMain` used here; `ipcMain` itself satisfies it. */
export interface IpcHandleApi<E> {
  handle(channel: string, listener: (event: E, ...args: unknown[]) => Promise<unknown>): void;
}

/** The part of `IpcMainInvokeEvent` the trust check reads. */
export interface SenderEvent {
  readonly senderFrame: { readonly url: string } | null | undefined;
}

/** True only for pages served by the app itself. */
export function isTrustedUrl(url: unknown): boolean {
  return typeof url === 'string' && url.startsWith(`${APP_ORIGIN}/`);
}

export function isTrustedSender(event: SenderEvent): boolean {
  try {
    return isTrustedUrl(event.senderFrame?.url);
  } catch {
    // senderFrame throws on some Electron versions once the frame is gone.
    return false;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Runs one call through the checks; exported for tests. */
export async function invokeChecked<C extends InvokeChannel, E>(
  channel: C,
  handler: InvokeHandlers[C],
  event: E,
  args: unknown[],
  isTrusted: (event: E) => boolean,
): Promise<InvokeResult<C>> {
  if (!isTrusted(event)) {
    console.error(`[claimmark] IPC ${channel} refused: untrusted sender`);
    return { ok: false, error: `${channel}: refused, the sender is not the Claimmark window` };
  }
  const parsed = invokeArgs[channel].safeParse(args);
  if (!parsed.success) {
    const detail = z.prettifyError(parsed.error);
    console.error(`[claimmark] IPC ${channel} refused: invalid arguments\n${detail}`);
    return { ok: false, error: `${channel}: invalid arguments: ${detail}` };
  }
  try {
    const run = handler as (...a: unknown[]) => Promise<InvokeResults[C]>;
    return { ok: true, value: await run(...(parsed.data as unknown[])) };
  } catch (error) {
    console.error(`[claimmark] IPC ${channel} failed:`, error);
    return { ok: false, error: message(error) };
  }
}

/** Registers one handler per invoke channel of the contract. */
export function registerHandlers<E>(
  ipc: IpcHandleApi<E>,
  handlers: InvokeHandlers,
  isTrusted: (event: E) => boolean,
): void {
  for (const channel of Object.keys(invokeArgs) as InvokeChannel[]) {
    ipc.handle(channel, (event, ...args) =>
      invokeChecked(channel, handlers[channel], event, args, isTrusted),
    );
  }
}
