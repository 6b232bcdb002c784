import { describe, expect, it } from 'vitest';
import { issuerLanguage } from '../../../src/routes/archive/list.server';

describe('the script of an issuer’s Chinese name', () => {
	const rfa = { issuer: 'Radio Free Asia (张敏)', languages: ['zh-Hans'] };
	const epoch = { issuer: 'Epoch Times (大紀元)', languages: ['zh-Hant'] };
	it('is the document’s one Chinese script, marked where the page’s differs', () => {
		expect(issuerLanguage(rfa, 'zh-Hant')).toBe('zh-Hans');
		expect(issuerLanguage(rfa, 'zh-Hans')).toBeNull();
		expect(issuerLanguage(epoch, 'zh-Hans')).toBe('zh-Hant');
	});
	it('is not guessed for a document in both scripts, an issuer without Chinese, or an English page', () => {
		expect(issuerLanguage({ issuer: 'Liu Chang (刘畅)', languages: ['zh-Hans', 'zh-Hant'] }, 'zh-Hant')).toBeNull();
		expect(issuerLanguage({ issuer: 'Shenzhen Intermediate People’s Court', languages: ['zh-Hans'] }, 'zh-Hant')).toBeNull();
		expect(issuerLanguage(rfa, 'en')).toBeNull();
	});
});
