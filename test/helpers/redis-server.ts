import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';

/** A real redis-server on a loopback port, for as long as a test needs it. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>`, without credentials. */
  readonly url: string;
  /** Asks it to shut down (SIGTERM: Redis exits cleanly, saving nothing with `--save ''`). */
  stop(): Promise<void>;
  /** SIGKILL: a crash, with no goodbye to its clients. */
  kill(): Promise<void>;
  /** SIGSTOP: still listening and connected, answering nothing, like a hung server. */
  pause(): void;
  /** SIGCONT after pause(). */
  resume(): void;
  /** Starts it again on the same port, with the same arguments; resolves once it answers. */
  restart(): Promise<void>;
}

// Every server started by this process, so that none outlives it even when a test forgets one.
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port nothing listens on now: bind port 0, note what the kernel gave, let it go. */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

/** Resolves when something on `port` answers PING with a Redis reply (+PONG, or -NOAUTH when it wants a password). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.setTimeout(500, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data[0] === 0x2b /* + */ || data[0] === 0x2d /* - */));
  });
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await once(child, 'exit');
}

/**
 * Starts `redis-server` on a free loopback port with nothing persisted, plus `extraArgs` (for
 * example `['--requirepass', 'secret']`), and resolves once it answers PING.
 */
export async function startRedisServer(extraArgs: string[] = []): Promise<RedisServer> {
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', ...extraArgs];
  let child: ChildProcess | undefined;

  const start = async (): Promise<void> => {
    const started = spawn('redis-server', args, { stdio: 'ignore' });
    child = started;
    running.add(started);
    started.once('exit', () => running.delete(started));
    let spawnError: NodeJS.ErrnoException | undefined;
    started.once('error', (error: NodeJS.ErrnoException) => (spawnError = error));
    const deadline = Date.now() + 10_000;
    while (!(await answersPing(port))) {
      if (spawnError?.code === 'ENOENT') {
        throw new Error('redis-server is not on the PATH. .ci/run installs it (apt-get install -y redis-server); the tests start it themselves.');
      }
      if (spawnError) throw spawnError;
      if (started.exitCode !== null || started.signalCode !== null) {
        throw new Error(`redis-server ${args.join(' ')} exited before answering PING (code ${started.exitCode}, signal ${started.signalCode})`);
      }
      if (Date.now() > deadline) {
        started.kill('SIGKILL');
        throw new Error(`redis-server on port ${port} did not answer PING within 10 s`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  const signal = async (name: NodeJS.Signals): Promise<void> => {
    if (!child) return;
    const current = child;
    current.kill(name);
    // A paused server would hold a SIGTERM until it runs again.
    current.kill('SIGCONT');
    await exited(current);
  };

  await start();
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () => signal('SIGTERM'),
    kill: () => signal('SIGKILL'),
    pause: () => void child?.kill('SIGSTOP'),
    resume: () => void child?.kill('SIGCONT'),
    async restart() {
      if (child && child.exitCode === null && child.signalCode === null) await signal('SIGKILL');
      await start();
    },
  };
}
