import type { EventChannel, EventPayloads } from '../shared/ipc';

/** What `webContents` offers for sending; a stub in tests. */
export interface EventSink {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

/** The one typed way the main process talks to the renderer. */
export function sendEvent<C extends EventChannel>(
  sink: EventSink,
  channel: C,
  payload: EventPayloads[C],
): boolean {
  if (sink.isDestroyed()) return false;
  sink.send(channel, payload);
  return true;
}
