/**
 * The floor of `pnpm bench live`: a bare Socket.IO server (no app logic) in its own process, with the
 * live namespaces accepting every handshake and the server's transport settings. Prints
 * `bare socket.io listening on <port>` once it listens; stops on SIGTERM.
 */
import http from 'node:http';
import { Server } from 'socket.io';

const httpServer = http.createServer();
const io = new Server(httpServer, {
  path: '/socket.io',
  serveClient: false,
  pingInterval: 20_000,
  pingTimeout: 25_000,
  maxHttpBufferSize: 64 * 1024,
});
for (const name of ['/operator', '/participant', '/dashboard']) {
  io.of(name).on('connection', () => undefined);
}
httpServer.listen(0, '127.0.0.1', () => {
  const address = httpServer.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`bare socket.io listening on ${port}\n`);
});
process.on('SIGTERM', () => {
  io.disconnectSockets(true);
  io.close();
  process.exit(0);
});
