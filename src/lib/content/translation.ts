/**
 * The archive's own words in Chinese: its translations of event titles and summaries, claims,
 * descriptions. Words that must never be converted or translated (identifiers, names, document
 * titles, quoted words) are marked in the record with ⟪…⟫; they are shown without the marks,
 * and the Traditional text is derived from the Simplified around them.
 *
 * A translation says no more and no less than the English: `translationProblems` refuses one that
 * adds a number (a date, a count), a name or a Latin-script word the English lacks. English number
 * words and month names, and Chinese numerals, are normalised first: "three strokes" matches
 * 三次, not 四次.
 */

export const KEEP_OPEN = '⟪';
export const KEEP_CLOSE = '⟫';
const KEPT = /⟪([^⟪⟫]*)⟫/g;

/** The text as shown: the marks removed, the kept words left as they are. */
export const shownText = (text: string): string => text.replace(KEPT, '$1');

/** The text in pieces: kept spans (never converted) and the rest. */
export function keptSpans(text: string): { text: string; kept: boolean }[] {
	const out: { text: string; kept: boolean }[] = [];
	let at = 0;
	for (const m of text.matchAll(KEPT)) {
		if (m.index > at) out.push({ text: text.slice(at, m.index), kept: false });
		out.push({ text: m[1]!, kept: true });
		at = m.index + m[0].length;
	}
	if (at < text.length) out.push({ text: text.slice(at), kept: false });
	return out;
}

/** Applies a converter (OpenCC's Simplified → Traditional) to everything but the kept spans; the marks stay. */
export function convertOutsideKept(text: string, convert: (s: string) => string): string {
	return keptSpans(text)
		.map((part) => (part.kept ? `${KEEP_OPEN}${part.text}${KEEP_CLOSE}` : convert(part.text)))
		.join('');
}

/** Problems with the marks themselves: unbalanced or nested. */
export function markProblem(text: string): string | null {
	let depth = 0;
	for (const c of text) {
		if (c === KEEP_OPEN) depth++;
		else if (c === KEEP_CLOSE) depth--;
		if (depth < 0 || depth > 1) return `has an unbalanced or nested ${KEEP_OPEN}…${KEEP_CLOSE} mark`;
	}
	return depth === 0 ? null : `has an unclosed ${KEEP_OPEN}…${KEEP_CLOSE} mark`;
}

const EN_NUMBERS: Record<string, number> = {
	two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
	thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
	thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100, thousand: 1000,
	twice: 2, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
	half: 0.5, dozen: 12, million: 1_000_000, both: 2, pair: 2,
	january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12
};

/** Every number an English text states: digits, number words, ordinals from "second", month names. */
export function englishNumbers(text: string): Set<number> {
	const out = new Set<number>();
	// "1,951" is one number; "2014,08,30" is three (commas group thousands only in threes).
	for (const m of text.matchAll(/\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?/g)) out.add(Number(m[0].replace(/,/g, '')));
	for (const m of text.toLowerCase().matchAll(/[a-z]+/g)) {
		const n = EN_NUMBERS[m[0]];
		if (n !== undefined) out.add(n);
	}
	// "10 million", "1.5 billion": the product too (一千万 is 10,000,000).
	for (const m of text.toLowerCase().matchAll(/(\d+(?:\.\d+)?)\s*(thousand|million|billion)\b/g)) {
		out.add(Number(m[1]) * { thousand: 1_000, million: 1_000_000, billion: 1_000_000_000 }[m[2] as 'thousand' | 'million' | 'billion']);
	}
	// "twenty-three": the sum of its parts too.
	for (const m of text.toLowerCase().matchAll(/\b(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(one|two|three|four|five|six|seven|eight|nine)\b/g)) {
		out.add((EN_NUMBERS[m[1]!] ?? 0) + (m[2] === 'one' ? 1 : (EN_NUMBERS[m[2]!] ?? 0)));
	}
	return out;
}

const ZH_DIGITS: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 兩: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10_000, 萬: 10_000 };

/** The value of a run of Chinese numerals ("二十三" → 23, "三" → 3, "两千" → 2000, "二〇〇三" → 2003). */
export function chineseNumeral(run: string): number {
	if ([...run].every((c) => c in ZH_DIGITS) && run.length > 1) return Number([...run].map((c) => ZH_DIGITS[c]).join(''));
	let total = 0;
	let section = 0;
	let digit = 0;
	for (const c of run) {
		if (c in ZH_DIGITS) digit = ZH_DIGITS[c]!;
		else {
			const unit = ZH_UNITS[c]!;
			if (unit === 10_000) {
				total += (section + digit) * unit;
				section = 0;
			} else section += (digit || 1) * unit;
			digit = 0;
		}
	}
	return total + section + digit;
}

/**
 * Every number a Chinese text states: digits, and runs of Chinese numerals. A lone 一 is left out: it
 * is as often an article ("一位", "一份") as a count, like English "a".
 */
export function chineseNumbers(text: string): Set<number> {
	const out = new Set<number>();
	for (const m of text.matchAll(/\d+(?:\.\d+)?/g)) out.add(Number(m[0]));
	for (const m of text.matchAll(/[〇零一二两兩三四五六七八九十百千万萬]+/g)) {
		if (m[0] === '一') continue;
		// A weekday (星期五, 周三) names a day, not a number; 百科 is an encyclopaedia.
		const before = text.slice(Math.max(0, m.index - 2), m.index);
		if (m[0].length === 1 && (before.endsWith('星期') || before.endsWith('禮拜') || before.endsWith('礼拜') || /[周週]$/.test(before))) continue;
		if (m[0] === '百' && text[m.index + 1] === '科') continue;
		out.add(chineseNumeral(m[0]));
	}
	return out;
}

/** Latin-script words of a Chinese text ("H.Con.Res", "McGill", "UN"): each must be in the English. */
export const latinWords = (text: string): string[] => [...text.matchAll(/[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]/g)].map((m) => m[0]);

/**
 * What a Chinese translation adds that its English lacks: numbers, Latin-script words, and names
 * of the glossary (Chinese name → its English forms) whose English forms the original does not hold.
 */
export function translationProblems(english: string, chinese: string, glossary: Readonly<Record<string, readonly string[]>> = {}): string[] {
	const problems: string[] = [];
	const shown = shownText(chinese);
	const enNumbers = englishNumbers(english);
	const added = [...chineseNumbers(shown)].filter((n) => !enNumbers.has(n));
	if (added.length > 0) problems.push(`adds the number${added.length > 1 ? 's' : ''} ${added.join(', ')}, which the English does not give`);
	const enLower = english.toLowerCase();
	const foreign = [...new Set(latinWords(shown))].filter((w) => !enLower.includes(w.toLowerCase()));
	if (foreign.length > 0) problems.push(`adds the word${foreign.length > 1 ? 's' : ''} ${foreign.map((w) => `"${w}"`).join(', ')}, which the English does not hold`);
	for (const [name, forms] of Object.entries(glossary)) {
		if (shown.includes(name) && !forms.some((f) => enLower.includes(f.toLowerCase()))) problems.push(`names ${name}, whom the English does not name (${forms.join(' / ')})`);
	}
	return problems;
}
