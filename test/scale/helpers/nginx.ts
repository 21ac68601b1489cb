import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { freePort } from '../../ops/helpers/built-app';

export const NGINX = process.env.NGINX_PATH ?? '/usr/sbin/nginx';

export const hasNginx = () => existsSync(NGINX);

export interface LoadBalancer {
  baseUrl: string;
  stop(): Promise<void>;
}

/**
 * Round robin over `upstreams` (host:port), as a production proxy would be set up for the
 * service: HTTP/1.1 with keep-alive to the instances, the client address in X-Real-IP, no
 * response buffering (the event stream), long reads. `X-Upstream` names the instance that
 * answered, so a test can tell where each request went.
 */
function config(dir: string, port: number, upstreams: string[]): string {
  const temp = (name: string) => `${name}_temp_path ${join(dir, name)};`;
  return `
daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 512; }
http {
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(temp).join('\n  ')}
  upstream app {
    ${upstreams.map((upstream) => `server ${upstream};`).join('\n    ')}
    keepalive 16;
  }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://app;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Real-IP $remote_addr;
      proxy_buffering off;
      proxy_read_timeout 300s;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`;
}

/** Starts Debian's nginx as a child process with everything of its own under a temp folder. */
export async function startNginx(upstreams: string[]): Promise<LoadBalancer> {
  const dir = mkdtempSync(join(tmpdir(), 'tps-nginx-'));
  for (const name of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) {
    mkdirSync(join(dir, name));
  }
  const port = await freePort();
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, config(dir, port, upstreams));
  const child: ChildProcess = spawn(NGINX, ['-p', dir, '-c', file, '-e', join(dir, 'error.log')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    const answered = await fetch(`${baseUrl}/health/live`).then(
      () => true,
      () => false,
    );
    if (answered) break;
    if (Date.now() > deadline) throw new Error(`nginx did not answer: ${stderr}`);
    await sleep(50);
  }
  return {
    baseUrl,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGQUIT');
      await Promise.race([exited, sleep(5_000)]);
      if (child.exitCode === null) child.kill('SIGKILL');
      const log = existsSync(join(dir, 'error.log'))
        ? readFileSync(join(dir, 'error.log'), 'utf8')
        : '';
      rmSync(dir, { recursive: true, force: true });
      if (/\[(emerg|alert|crit)\]/.test(log)) throw new Error(`nginx errors:\n${log}`);
    },
  };
}
