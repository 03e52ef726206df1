import type { ClaimmarkBridge } from '../../shared/ipc';
import { electronPlatform } from './desktop';
import type { Platform } from './platform';
import { webPlatform } from './web';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a plain browser. */
    claimmark?: ClaimmarkBridge;
  }
}

export const platform: Platform = window.claimmark
  ? electronPlatform(window.claimmark)
  : webPlatform;
export type { Platform };
