/** `npm start` serves the built site: prints its local URL and runs until stopped (Ctrl+C). */
import { existsSync } from 'node:fs';
import { startStaticServer } from './static-server.mjs';

const dir = process.env.BUILD_DIR || 'build';
if (!existsSync(`${dir}/index.html`)) {
	console.error(`No built site in ${dir}/. Run \`npm run build\` first (\`npm start\` does both).`);
	process.exit(1);
}
const basePath = process.env.BASE_PATH ?? '';
const server = await startStaticServer(dir, { port: Number(process.env.PORT ?? 4173), basePath });
const address = server.address();
const port = typeof address === 'object' && address ? address.port : 4173;
console.log(`\nThe archive is being served at http://127.0.0.1:${port}${basePath}/  (Ctrl+C to stop)`);
