/**
 * Runs before `npm test`: finds a Chromium for the end-to-end tests (CHROMIUM_PATH, then Debian's
 * /usr/bin/chromium, then Chrome's usual paths), and Tesseract with the language packs the OCR
 * reads (archive:add and archive:ocr, and their tests). What is missing on Debian run as root is
 * installed from Debian's packages, and said; elsewhere it stops with one line saying how to get it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
const PACKAGES = ['chromium', 'fonts-liberation', 'fonts-noto-cjk'];
const TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';
/** Debian's packages for OCR, each with a file that shows it is installed. @type {[string, string][]} */
export const OCR_PACKAGES = [
	['tesseract-ocr', '/usr/bin/tesseract'],
	['tesseract-ocr-osd', `${TESSDATA}/osd.traineddata`],
	['tesseract-ocr-eng', `${TESSDATA}/eng.traineddata`],
	['tesseract-ocr-chi-sim', `${TESSDATA}/chi_sim.traineddata`],
	['tesseract-ocr-chi-tra', `${TESSDATA}/chi_tra.traineddata`],
	['tesseract-ocr-tha', `${TESSDATA}/tha.traineddata`],
	['tesseract-ocr-fra', `${TESSDATA}/fra.traineddata`]
];
const missingOcr = () => OCR_PACKAGES.filter(([, path]) => !existsSync(path)).map(([pkg]) => pkg);

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
	const browserOk = found && !(found === '/usr/bin/chromium' && missingFonts() && root && isDebian());
	const ocrMissing = missingOcr();
	if (browserOk && ocrMissing.length === 0) {
		console.log(`Browser for end-to-end tests: ${found}; Tesseract with its language packs: installed`);
		process.exit(0);
	}
	const wanted = [...(browserOk ? [] : PACKAGES), ...ocrMissing];
	if (!(root && isDebian())) {
		console.error(`Missing for the tests: ${wanted.join(', ')}. On Debian: sudo apt-get install ${wanted.join(' ')}${browserOk ? '' : ' (or set CHROMIUM_PATH to a Chromium or Chrome binary)'}.`);
		process.exit(1);
	}
	console.log(`Installing Debian's ${wanted.join(', ')} for the tests (apt-get, as root)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', ...wanted], { stdio: ['ignore', 'ignore', 'inherit'], env });
	console.log(`Installed. Browser for end-to-end tests: ${findChromium()}`);
}
