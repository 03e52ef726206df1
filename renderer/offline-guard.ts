/**
 * WebRTC is the one way a page sends packets that the Content-Security-Policy
 * does not cover: an RTCPeerConnection gathers ICE candidates over UDP (STUN)
 * to any host it is given. The app never needs it, so the constructors are
 * taken away before any other script runs, in this window and in any window
 * it opens or frames (a fresh frame would otherwise hand them back).
 */
const NAMES = ['RTCPeerConnection', 'webkitRTCPeerConnection', 'RTCDataChannel'] as const;

export function disableWebRTC(scope: Window): void {
  for (const name of NAMES) {
    if (!(name in scope)) continue;
    Object.defineProperty(scope, name, { value: undefined, writable: false, configurable: false });
  }
}

export function installOfflineGuard(win: Window & typeof globalThis = window): void {
  disableWebRTC(win);
  const frame = win.HTMLIFrameElement.prototype;
  for (const property of ['contentWindow', 'contentDocument'] as const) {
    const native = Object.getOwnPropertyDescriptor(frame, property);
    const get = native?.get;
    if (!get) continue;
    Object.defineProperty(frame, property, {
      configurable: false,
      get(this: HTMLIFrameElement) {
        const child: unknown = get.call(this);
        const childWindow =
          property === 'contentWindow'
            ? (child as Window | null)
            : (child as Document | null)?.defaultView;
        if (childWindow) guardChild(childWindow);
        return child;
      },
    });
  }
  // Nothing in the app opens windows; a script that tries gets none.
  Object.defineProperty(win, 'open', { value: () => null, writable: false, configurable: false });
}

function guardChild(child: Window): void {
  try {
    disableWebRTC(child);
  } catch {
    // Another origin's frame: it cannot be reached from here, nor reach our data.
  }
}
