// `npm start`: build the web app once if it has not been built, then run the
// server from TypeScript source (tsx), so a fresh clone needs no build step.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const webIndex = 'packages/web/dist/index.html';
if (!existsSync(webIndex)) {
  const built = spawnSync('npm', ['run', 'build', '-w', 'packages/web'], { stdio: 'inherit' });
  if (built.status !== 0) console.warn('web build failed; serving the API only');
}
const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
