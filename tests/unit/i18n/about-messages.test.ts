/**
 * The about page’s, the error pages’ and the story’s messages: each Chinese message has the English one's
 * placeholders, and no Latin word of its own, since every English token on those pages (SHA-256,
 * file names, commands, paths) is a placeholder the page fills with an element marked lang="en".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { deriveTraditional } from '../../../src/lib/i18n/derive';

const read = (area: string, locale: string): Record<string, string> => {
	const { $schema: _schema, ...messages } = JSON.parse(readFileSync(`messages/${area}/${locale}.json`, 'utf8')) as Record<string, string>;
	return messages;
};
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
	['about', 'about_'],
	['errors', 'error_'],
	['story', 'story_']
])('messages/%s', (area, prefix) => {
	const en = read(area, 'en');
	const hans = read(area, 'zh-Hans');
	const hant = deriveTraditional(hans, {});

	it('has the same keys in English and Simplified Chinese, all with the area’s prefix', () => {
		expect(Object.keys(hans).sort()).toEqual(Object.keys(en).sort());
		for (const key of Object.keys(en)) expect(key.startsWith(prefix)).toBe(true);
	});

	it('keeps every placeholder of the English in both Chinese scripts', () => {
		for (const [key, text] of Object.entries(en)) {
			expect(placeholders(hans[key]!), key).toEqual(placeholders(text));
			expect(placeholders(hant[key]!), key).toEqual(placeholders(text));
		}
	});

	it('has no Latin word outside placeholders in Chinese', () => {
		for (const [key, text] of Object.entries(hans)) expect(text.replace(/\{\w+\}/g, ''), key).not.toMatch(/[A-Za-z]{2,}/);
	});
});
