// `npm start`: run the server from TypeScript source (tsx), so a fresh clone
// needs no build step, and build the web app alongside it the first time
// (the server serves it as soon as the build lands).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const webIndex = 'packages/web/dist/index.html';
const server = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], { stdio: 'inherit' });
if (!existsSync(webIndex) && process.env.HELHED_WEB_DIST !== '') {
  const build = spawn('npm', ['run', 'build', '-w', 'packages/web'], { stdio: ['ignore', 'ignore', 'inherit'] });
  build.on('exit', (code) => {
    if (code === 0) console.log('web app built');
    else console.warn('web build failed; the API is served, the web app is not');
  });
}
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
