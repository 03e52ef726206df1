import dgram from 'node:dgram';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * WebRTC sends UDP that neither the CSP nor a request filter sees. A local
 * UDP port stands in for an attacker's STUN server: no packet may reach it.
 */
async function udpListener() {
  const socket = dgram.createSocket('udp4');
  const packets: string[] = [];
  socket.on('message', (_data, from) => packets.push(`${from.address}:${from.port}`));
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { port: socket.address().port, packets, close: () => socket.close() };
}

/** What a hostile script would do: gather ICE candidates towards the given STUN server. */
const tryStun = (page: Page, port: number) =>
  page.evaluate(async (port) => {
    const attempts: string[] = [];
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const scopes = { page: window, frame: frame.contentWindow } as Record<string, Window | null>;
    for (const [where, scope] of Object.entries(scopes)) {
      const Peer = (scope as unknown as { RTCPeerConnection?: typeof RTCPeerConnection } | null)
        ?.RTCPeerConnection;
      if (typeof Peer !== 'function') {
        attempts.push(`${where}: no RTCPeerConnection`);
        continue;
      }
      try {
        const pc = new Peer({ iceServers: [{ urls: `stun:127.0.0.1:${port}` }] });
        pc.createDataChannel('probe');
        await pc.setLocalDescription(await pc.createOffer());
        attempts.push(`${where}: gathering`);
      } catch (error) {
        attempts.push(`${where}: ${String(error)}`);
      }
    }
    frame.remove();
    await new Promise((resolve) => setTimeout(resolve, 2500));
    return attempts;
  }, port);

test('no WebRTC packet leaves the app, from the page or from a frame it makes', async ({ app }) => {
  const udp = await udpListener();
  try {
    const attempts = await tryStun(app.page, udp.port);
    expect(attempts).toEqual(['page: no RTCPeerConnection', 'frame: no RTCPeerConnection']);
    expect(udp.packets).toEqual([]);
  } finally {
    udp.close();
  }
});

test('the listener hears a page without the guard: the check above can fail', async ({
  browser,
  target,
}) => {
  test.skip(target !== 'web', 'a bare Chromium page is the control; it needs the web target');
  const udp = await udpListener();
  const page = await browser.newPage();
  try {
    await page.setContent('<p>no guard here</p>');
    const attempts = await tryStun(page, udp.port);
    expect(attempts[0]).toBe('page: gathering');
    await expect.poll(() => udp.packets.length).toBeGreaterThan(0);
  } finally {
    await page.close();
    udp.close();
  }
});
