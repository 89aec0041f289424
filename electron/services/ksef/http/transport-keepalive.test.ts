import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { KsefTransport } from './transport';

/**
 * A raw HTTP server that answers the first request on a connection with keep-alive and resets the connection
 * when a second request arrives on it: what a client sees when it reuses a socket the server already closed.
 */
function startResettingServer(): Promise<{ server: Server; url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((socket: Socket) => {
    let served = 0;
    socket.on('data', (chunk) => {
      if (!chunk.toString('latin1').includes('\r\n\r\n')) return;
      served += 1;
      if (served > 1) {
        socket.resetAndDestroy();
        return;
      }
      requests += 1;
      const body = JSON.stringify({ n: requests });
      socket.write(`HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: keep-alive\r\n\r\n${body}`);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      resolve({ server, url: `http://127.0.0.1:${port}/v2`, requests: () => requests });
    }),
  );
}

let running: Server | undefined;
afterEach(() => {
  running?.close();
  running = undefined;
});

describe('KsefTransport on a stale keep-alive connection', () => {
  it('repeats a non-idempotent POST that was reset on a reused socket, so the request is made once more and succeeds', async () => {
    const { server, url, requests } = await startResettingServer();
    running = server;
    const transport = new KsefTransport({ baseUrl: url });
    const post = { method: 'POST' as const, path: '/sessions/online', template: '/sessions/online', json: {}, idempotent: false };
    await transport.send(post);
    const second = await transport.send(post);
    expect(second.status).toBe(201);
    expect(JSON.parse(second.bodyText)).toEqual({ n: 2 });
    expect(requests()).toBe(2);
  });
});
