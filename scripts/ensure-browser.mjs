/**
 * Runs before `npm test`: finds a Chromium for the end-to-end tests. Looks at CHROMIUM_PATH,
 * then Debian's /usr/bin/chromium, then Chrome's usual paths. If there is none and this is
 * Debian run as root, installs Debian's chromium with the fonts the pages and PDFs need, and
 * says so; otherwise stops with one line saying how to get one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
const PACKAGES = ['chromium', 'fonts-liberation', 'fonts-noto-cjk'];

export function findChromium() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) return existsSync(fromEnv) ? fromEnv : null;
	return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const isDebian = () => existsSync('/etc/debian_version') || /^ID(_LIKE)?=.*debian/m.test(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '');
const missingFonts = () => !existsSync('/usr/share/fonts/opentype/noto') || !existsSync('/usr/share/fonts/truetype/liberation');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const found = findChromium();
	if (process.env.CHROMIUM_PATH && !found) {
		console.error(`CHROMIUM_PATH is set to ${process.env.CHROMIUM_PATH}, which does not exist. Point it at a Chromium or Chrome binary.`);
		process.exit(1);
	}
	const root = process.getuid?.() === 0;
	if (found && !(found === '/usr/bin/chromium' && missingFonts() && root && isDebian())) {
		console.log(`Browser for end-to-end tests: ${found}`);
		process.exit(0);
	}
	if (!(root && isDebian())) {
		console.error('No Chromium found for the end-to-end tests: install one (on Debian: sudo apt-get install chromium fonts-liberation fonts-noto-cjk) or set CHROMIUM_PATH to a Chromium or Chrome binary.');
		process.exit(1);
	}
	console.log(`Installing Debian's ${PACKAGES.join(', ')} for the end-to-end tests (apt-get, as root)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', ...PACKAGES], { stdio: ['ignore', 'ignore', 'inherit'], env });
	console.log(`Installed. Browser for end-to-end tests: ${findChromium()}`);
}
