/**
 * Text of one language holding runs of another: English summaries name people and titles in
 * Chinese characters ("Ni Jinbin (倪锦彬)"), Chinese pages carry English names, titles and the
 * English of a record not yet translated. Marking those runs with a language lets screen readers
 * switch voice and browsers pick the right font.
 */

const HAN_RUN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;
// A run of Latin script: from a letter to the last letter or digit, with the spaces and
// punctuation between words ("Ti-Anna Wang", "H.Con.Res. 326").
const LATIN_RUN = /[A-Za-z\u00c0-\u024f][A-Za-z0-9\u00c0-\u024f\s.,'’:;()/&\-–]*[A-Za-z0-9\u00c0-\u024f.)]|[A-Za-z]/g;

export interface ScriptRun {
	text: string;
	/** True for a run of Chinese characters (with CJK punctuation). */
	han: boolean;
	/** True for a run of Latin script. */
	latin?: boolean;
}

export function scriptRuns(text: string): ScriptRun[] {
	const out: ScriptRun[] = [];
	let at = 0;
	for (const m of text.matchAll(HAN_RUN)) {
		// Full-width punctuation alone ("（", "）") is not Chinese text.
		if (!/\p{Script=Han}/u.test(m[0])) continue;
		if (m.index > at) out.push({ text: text.slice(at, m.index), han: false });
		out.push({ text: m[0], han: true });
		at = m.index + m[0].length;
	}
	if (at < text.length || out.length === 0) out.push({ text: text.slice(at), han: false });
	return out;
}

/** Chinese text split at its runs of Latin script, which a Chinese page marks lang="en". */
export function latinRuns(text: string): ScriptRun[] {
	const out: ScriptRun[] = [];
	let at = 0;
	for (const m of text.matchAll(LATIN_RUN)) {
		if (m.index > at) out.push({ text: text.slice(at, m.index), han: false });
		out.push({ text: m[0], han: false, latin: true });
		at = m.index + m[0].length;
	}
	if (at < text.length || out.length === 0) out.push({ text: text.slice(at), han: false });
	return out;
}
