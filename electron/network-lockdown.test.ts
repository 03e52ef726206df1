import { describe, expect, it, vi } from 'vitest';
import {
  appendOfflineSwitches,
  DEAD_PROXY,
  restrictWebRtc,
  routeThroughDeadProxy,
  type ProxySessionLike,
} from './network-lockdown';

describe('network lockdown', () => {
  it('appends the switches: no DNS, no bare WebRTC UDP, the dead proxy for everything', () => {
    const switches = new Map<string, string | undefined>();
    appendOfflineSwitches({ appendSwitch: (name, value) => switches.set(name, value) });
    expect(Object.fromEntries(switches)).toEqual({
      'host-resolver-rules': 'MAP * ~NOTFOUND',
      'force-webrtc-ip-handling-policy': 'disable_non_proxied_udp',
      'proxy-server': DEAD_PROXY,
      'proxy-bypass-list': '<-loopback>',
    });
  });

  it('the dead proxy is on loopback: a connection to it never leaves the machine', () => {
    const url = new URL(DEAD_PROXY);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.port).toBe('9');
  });

  it('routes the session through the dead proxy, localhost included', async () => {
    const setProxy = vi.fn<ProxySessionLike['setProxy']>(async () => undefined);
    await routeThroughDeadProxy({ setProxy });
    expect(setProxy).toHaveBeenCalledWith({
      mode: 'fixed_servers',
      proxyRules: 'http://127.0.0.1:9',
      proxyBypassRules: '<-loopback>',
    });
    const rules = setProxy.mock.calls[0]?.[0].proxyRules ?? '';
    expect(rules).not.toContain('direct://');
  });

  it('lets WebRTC use no UDP that bypasses the proxy', () => {
    const setWebRTCIPHandlingPolicy = vi.fn();
    restrictWebRtc({ setWebRTCIPHandlingPolicy });
    expect(setWebRTCIPHandlingPolicy).toHaveBeenCalledWith('disable_non_proxied_udp');
  });
});
