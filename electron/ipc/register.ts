import { ipcMain } from 'electron';
import { isTrustedSender, registerHandlers, type InvokeHandlers } from './handle';

/** Wires the handlers to Electron's ipcMain; the only place that touches it. */
export function registerIpc(handlers: InvokeHandlers): void {
  registerHandlers(ipcMain, handlers, isTrustedSender);
}
