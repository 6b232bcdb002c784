/**
 * The Traditional interface, derived from the Simplified: OpenCC's `twp` table (Taiwan, with its
 * phrases: 搜索 → 搜尋, 信息 → 資訊, as interface words should read in Taiwan), except for the terms
 * below, which `twp` gets wrong for this site and which take the character table `tw` instead;
 * then the reviewed overrides (messages/zh-Hant-overrides.json), which win for a whole message.
 * Record fields use `tw` throughout (src/pipeline/traditional.ts): `twp` mangles running text.
 */
import { Converter } from 'opencc-js/cn2t';

const twp = Converter({ from: 'cn', to: 'twp' });
const tw = Converter({ from: 'cn', to: 'tw' });

/**
 * Terms converted character by character: `twp` turns 文件 ("document") into 檔案, the word this site
 * uses for "archive" (档案 → 檔案), 国家安全局 into 國家安全域性, 发布 ("issued") into 釋出 (a
 * software release), 声明 ("statement") into 宣告, 支持 ("supports") into 支援 ("aid") and 类型 ("kind") into 型別 (a type in code).
 */
export const CHARACTER_ONLY_TERMS = ['文件', '国家安全局', '发布', '声明', '支持', '类型'] as const;

const SENTINEL = (i: number) => `\u{E000}${String.fromCharCode(0xe100 + i)}`;

/** One text through `twp`, the character-only terms through `tw`. */
export function toTraditionalInterface(text: string): string {
	let guarded = text;
	CHARACTER_ONLY_TERMS.forEach((term, i) => (guarded = guarded.split(term).join(SENTINEL(i))));
	let out = twp(guarded);
	CHARACTER_ONLY_TERMS.forEach((term, i) => (out = out.split(SENTINEL(i)).join(tw(term))));
	return out;
}

/** zh-Hant messages from zh-Hans ones; an override is keyed by message key. Placeholders ({name}) are kept. */
export function deriveTraditional(hans: Readonly<Record<string, string>>, overrides: Readonly<Record<string, string>>): Record<string, string> {
	return Object.fromEntries(
		Object.entries(hans).map(([key, text]) => {
			if (key in overrides) return [key, overrides[key]!];
			// Convert only outside {placeholders}: their names are code.
			return [key, text.split(/(\{[^}]*\})/).map((part, i) => (i % 2 === 1 ? part : toTraditionalInterface(part))).join('')];
		})
	);
}
