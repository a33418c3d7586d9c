// The most any Node.js process in front of the demo cluster could do on this machine: a bare
// node:http server that answers every request with the same bytes from memory, in a process of
// its own as the gateway runs. `npm run bench` measures it beside a direct GET at 0 ms of upstream
// latency: a gateway's rate at 0 ms cannot exceed it. The body comes in CEILING_BODY; the server
// tells its parent its URL over IPC and exits when the parent goes away.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

const body = Buffer.from(process.env.CEILING_BODY ?? '');
const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Content-Length': String(body.length) };
const server = http.createServer((req, res) => {
  req.resume();
  res.writeHead(200, headers);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.send?.({ type: 'ready', url: `http://127.0.0.1:${port}` });
});
process.on('disconnect', () => process.exit(0));
setTimeout(() => process.exit(3), Number(process.env.CEILING_MAX_SECONDS ?? 600) * 1000).unref();
