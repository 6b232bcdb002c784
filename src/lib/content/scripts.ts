/**
 * Our summaries are English but name people and titles in Chinese characters ("Ni Jinbin
 * (倪锦彬)"). Marking those runs with a language lets screen readers switch voice and browsers
 * pick a Chinese font.
 */

const HAN_RUN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]+/gu;

export interface ScriptRun {
	text: string;
	/** True for a run of Chinese characters (with CJK punctuation). */
	han: boolean;
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
