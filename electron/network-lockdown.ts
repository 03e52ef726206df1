/**
 * Nothing leaves the machine, even what the request filter never sees.
 * `webRequest.onBeforeRequest` (policy.ts) cancels every http(s)/ws request,
 * but WebRTC's STUN packets are UDP from the network stack, not requests, and
 * a page could send them under the CSP. So, in layers, each enough alone:
 *
 * 1. WebRTC may use no UDP that does not go through a proxy
 *    (`disable_non_proxied_udp`), on every web contents and, as a switch, for
 *    every renderer from its start.
 * 2. The session's proxy is a dead one on loopback: whatever would connect
 *    (WebRTC over TCP, a request the filter missed) is sent to 127.0.0.1:9,
 *    where nothing answers, and never falls back to a direct connection (no
 *    `direct://` in the rules). `<-loopback>` removes Chromium's implicit
 *    bypass for localhost, so even those requests meet the dead proxy. The
 *    proxy is set by switch too, so it holds before `ready`.
 * 3. Every host name resolves to nothing (`host-resolver-rules`), so no DNS
 *    query goes out either.
 *
 * The app's own pages are unaffected: `app://` is a custom protocol served by
 * the handler registered with `protocol.handle` in the browser process, and
 * proxies and host resolution apply only to requests that reach the network
 * stack (http, https, ws, wss); nor are `data:`, `blob:` or DevTools.
 * Pure, with Electron's objects injected, so each layer is unit-tested.
 */
/** Loopback, so a connection attempt never leaves the machine; port 9 (discard) answers nothing. */
export const DEAD_PROXY = 'http://127.0.0.1:9';
export const PROXY_BYPASS_RULES = '<-loopback>';
export const WEBRTC_IP_POLICY = 'disable_non_proxied_udp';
export const HOST_RESOLVER_RULES = 'MAP * ~NOTFOUND';

/** The part of `app.commandLine` used here. */
export interface CommandLineLike {
  appendSwitch(name: string, value?: string): void;
}

/** The part of `Session` used here. */
export interface ProxySessionLike {
  setProxy(config: {
    mode?: 'fixed_servers';
    proxyRules: string;
    proxyBypassRules: string;
  }): Promise<void>;
}

/** The part of `WebContents` used here. */
export interface WebRtcContentsLike {
  setWebRTCIPHandlingPolicy(policy: typeof WEBRTC_IP_POLICY): void;
}

/** Chromium switches; they only work when appended before the app is ready. */
export const OFFLINE_SWITCHES: readonly (readonly [string, string])[] = [
  ['host-resolver-rules', HOST_RESOLVER_RULES],
  ['force-webrtc-ip-handling-policy', WEBRTC_IP_POLICY],
  ['proxy-server', DEAD_PROXY],
  ['proxy-bypass-list', PROXY_BYPASS_RULES],
];

/** Call at startup, before `app.whenReady()` resolves. */
export function appendOfflineSwitches(commandLine: CommandLineLike): void {
  for (const [name, value] of OFFLINE_SWITCHES) commandLine.appendSwitch(name, value);
}

/** Routes the session through the dead proxy; await it before loading a page. */
export function routeThroughDeadProxy(session: ProxySessionLike): Promise<void> {
  return session.setProxy({
    mode: 'fixed_servers',
    proxyRules: DEAD_PROXY,
    proxyBypassRules: PROXY_BYPASS_RULES,
  });
}

/** For every web contents, from `app.on('web-contents-created')`. */
export function restrictWebRtc(contents: WebRtcContentsLike): void {
  contents.setWebRTCIPHandlingPolicy(WEBRTC_IP_POLICY);
}
