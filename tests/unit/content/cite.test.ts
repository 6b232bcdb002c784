import { describe, expect, it } from 'vitest';
import { bibtexEntry, chicagoCitation, citationFileName, cslItem, cslJsonText, escapeBibtex, gbtCitation, gbtTypeCode, isoDay } from '../../../src/lib/content/cite';
import type { ManifestDocument } from '../../../src/lib/content/manifest';
import { DOCUMENT_KINDS, type DocumentKind } from '../../../src/lib/content/vocabulary';

const urlOf = (doc: { id: string }) => `https://example.org/archive/${doc.id}`;

// As archive/documents/wgad-opinion-10-2003/meta.yaml has it (approximate month, three identifiers).
const wgad: ManifestDocument = {
	id: 'wgad-opinion-10-2003',
	title: 'Opinion No. 10/2003 (China) - UN Working Group on Arbitrary Detention - concerning Wang Bingzhang, Yue Wu and Zhang Qi',
	titleSupplied: false,
	kind: 'un-opinion',
	primary: true,
	date: '2003-05',
	dateApproximate: true,
	dateNote: 'The adoption date was not seen; May 2003 (the 36th session) is an inference.',
	precision: 'month',
	issuer: 'United Nations, Commission on Human Rights, Working Group on Arbitrary Detention',
	languages: ['en'],
	identifiers: [
		{ scheme: 'Opinion number', value: 'Opinion No. 10/2003 (China)' },
		{ scheme: 'UN document symbol', value: 'E/CN.4/2004/3/Add.1' },
		{ scheme: 'Page in E/CN.4/2004/3/Add.1', value: '58' }
	],
	seenAt: [{ url: 'https://645012.skal.fun/wgad/10-2003.html', mirror: true }],
	retrieved: '2026-11',
	rights: 'Official UN document (E/CN.4/2004/3/Add.1)',
	status: 'partial',
	missing: 'Everything after the opening words of paragraph 6.',
	description: "The UN Working Group on Arbitrary Detention's opinion on the detention of Dr. Wang Bingzhang, Yue Wu and Zhang Qi.",
	knownToSay: [],
	files: [{ name: 'text.txt', mediaType: 'text/plain', role: 'text', sha256: '5ed91fe2b46014484df28e569ae3eb2afd53a44d830a83f8817748de2e755383', bytes: 4096, path: '/files/wgad-opinion-10-2003/text.txt' }],
	unpublished: [],
	paragraphs: [],
	pages: null,
	table: null,
	completeness: 'excerpt',
	pageSizes: null,
	machineRead: null,
	citedBy: []
};

// As archive/documents/hconres326-108-rfs/meta.yaml has it (a day date).
const hconres: ManifestDocument = {
	...wgad,
	id: 'hconres326-108-rfs',
	title:
		"H. Con. Res. 326 (108th Congress): Expressing the sense of Congress regarding the arbitrary detention of Dr. Wang Bingzhang by the Government of the People's Republic of China and urging his immediate release (Referred in Senate)",
	kind: 'legislative-resolution',
	date: '2004-05-06',
	dateApproximate: false,
	dateNote: 'Date of this text version.',
	precision: 'day',
	issuer: 'United States Congress (House of Representatives; received in the Senate)',
	identifiers: [
		{ scheme: 'Bill', value: 'H.Con.Res. 326, 108th Congress' },
		{ scheme: 'GPO package', value: 'BILLS-108hconres326rfs' },
		{ scheme: 'Text version', value: 'Referred in Senate (RFS)' }
	],
	rights: 'US federal government work, public domain (17 U.S.C. 105)',
	files: [{ name: 'text.txt', mediaType: 'text/plain', role: 'text', sha256: 'e09be04eb3fa2a6986163cfcc78441bbe5938887ca1b9f6445ce4e4ec1802b81', bytes: 2048, path: '/files/hconres326-108-rfs/text.txt' }]
};

// A catalogue record: supplied title, original-language title, no identifiers.
const manifesto: ManifestDocument = {
	...wgad,
	id: 'china-spring-manifesto-1982',
	title: "Wang Bingzhang's 1982 manifesto announcing China Spring",
	titleSupplied: true,
	originalTitle: { text: '为了祖国的春天——弃医从运宣言', lang: 'zh' },
	kind: 'campaign-text',
	date: '1982-11-17',
	dateApproximate: false,
	dateNote: undefined,
	precision: 'day',
	issuer: 'Wang Bingzhang',
	languages: ['zh'],
	identifiers: [],
	seenAt: [],
	status: 'catalogue',
	missing: 'The text of the manifesto.',
	files: [],
	paragraphs: null
};

const bbcBackground: ManifestDocument = {
	...manifesto,
	id: 'bbc-2003-background',
	title: "BBC News report on Wang Bingzhang's background",
	originalTitle: undefined,
	kind: 'news-report',
	primary: false,
	date: '2003',
	dateApproximate: true,
	precision: 'year',
	issuer: 'BBC News',
	languages: ['en']
};

const fdcUndated: ManifestDocument = {
	...bbcBackground,
	id: 'fdc-usa-453',
	title: 'FDC-USA article on the Thai and Taiwanese statements about Wang Bingzhang',
	kind: 'opinion-article',
	date: undefined,
	dateApproximate: false,
	dateNote: 'Undated in the sources.',
	precision: null,
	issuer: 'FDC-USA (fdcusa.org)'
};

const courtRuling: ManifestDocument = {
	...manifesto,
	id: 'guangdong-high-court-appeal-ruling-2003',
	title: "Ruling of the Guangdong Provincial High People's Court rejecting Wang Bingzhang's appeal",
	originalTitle: undefined,
	kind: 'court-ruling',
	date: '2003-02',
	precision: 'month',
	issuer: "Guangdong Provincial High People's Court",
	languages: ['zh-Hans']
};

describe('chicagoCitation', () => {
	it('cites a day-dated document with its identifiers', () => {
		expect(chicagoCitation(hconres, urlOf(hconres))).toBe(
			'United States Congress (House of Representatives; received in the Senate). ' +
				"“H. Con. Res. 326 (108th Congress): Expressing the sense of Congress regarding the arbitrary detention of Dr. Wang Bingzhang by the Government of the People's Republic of China and urging his immediate release (Referred in Senate).” " +
				'May 6, 2004. ' +
				'Bill H.Con.Res. 326, 108th Congress; GPO package BILLS-108hconres326rfs; Text version Referred in Senate (RFS). ' +
				'Wang Bingzhang case archive, hconres326-108-rfs. https://example.org/archive/hconres326-108-rfs.'
		);
	});

	it('marks an approximate month with ca.', () => {
		expect(chicagoCitation(wgad, urlOf(wgad))).toBe(
			'United Nations, Commission on Human Rights, Working Group on Arbitrary Detention. ' +
				'“Opinion No. 10/2003 (China) - UN Working Group on Arbitrary Detention - concerning Wang Bingzhang, Yue Wu and Zhang Qi.” ' +
				'ca. May 2003. ' +
				'Opinion number Opinion No. 10/2003 (China); UN document symbol E/CN.4/2004/3/Add.1; Page in E/CN.4/2004/3/Add.1 58. ' +
				'Wang Bingzhang case archive, wgad-opinion-10-2003. https://example.org/archive/wgad-opinion-10-2003.'
		);
	});

	it('puts a supplied title in brackets without quotation marks, followed by the original title', () => {
		expect(chicagoCitation(manifesto, urlOf(manifesto))).toBe(
			"Wang Bingzhang. [Wang Bingzhang's 1982 manifesto announcing China Spring] (为了祖国的春天——弃医从运宣言). November 17, 1982. " +
				'Wang Bingzhang case archive, china-spring-manifesto-1982. https://example.org/archive/china-spring-manifesto-1982.'
		);
	});

	it('writes ca. before an approximate year and n.d. for an undated document', () => {
		expect(chicagoCitation(bbcBackground, urlOf(bbcBackground))).toBe(
			"BBC News. [BBC News report on Wang Bingzhang's background]. ca. 2003. Wang Bingzhang case archive, bbc-2003-background. https://example.org/archive/bbc-2003-background."
		);
		expect(chicagoCitation(fdcUndated, urlOf(fdcUndated))).toBe(
			'FDC-USA (fdcusa.org). [FDC-USA article on the Thai and Taiwanese statements about Wang Bingzhang]. n.d. Wang Bingzhang case archive, fdc-usa-453. https://example.org/archive/fdc-usa-453.'
		);
	});

	it('does not double a period after a title, issuer or identifier that ends a sentence', () => {
		const doc: ManifestDocument = {
			...hconres,
			title: 'Was Wang Bingzhang a spy for Taiwan?',
			issuer: 'Example Co.',
			date: '2013',
			precision: 'year',
			identifiers: [{ scheme: 'Reference', value: 'No. 5.' }]
		};
		const text = chicagoCitation(doc, urlOf(doc));
		expect(text).toBe('Example Co. “Was Wang Bingzhang a spy for Taiwan?” 2013. Reference No. 5. Wang Bingzhang case archive, hconres326-108-rfs. https://example.org/archive/hconres326-108-rfs.');
		expect(text).not.toMatch(/\.\.|\?”\./);
	});
});

/** Checks that braces nest: never more closed than opened, and all closed at the end. */
function bracesBalance(text: string): boolean {
	let depth = 0;
	for (const char of text) {
		if (char === '{') depth += 1;
		if (char === '}') depth -= 1;
		if (depth < 0) return false;
	}
	return depth === 0;
}

describe('bibtexEntry', () => {
	it('writes a @misc entry keyed by the id', () => {
		expect(bibtexEntry(wgad, urlOf(wgad))).toBe(
			[
				'@misc{wgad-opinion-10-2003,',
				'\tauthor = {{United Nations, Commission on Human Rights, Working Group on Arbitrary Detention}},',
				'\ttitle = {{Opinion No. 10/2003 (China) - UN Working Group on Arbitrary Detention - concerning Wang Bingzhang, Yue Wu and Zhang Qi}},',
				'\tyear = {2003},',
				'\tmonth = may,',
				'\tdate = {2003-05~},',
				'\tlanguage = {en},',
				'\tnote = {Opinion number: Opinion No. 10/2003 (China); UN document symbol: E/CN.4/2004/3/Add.1; Page in E/CN.4/2004/3/Add.1: 58; Date approximate (circa)},',
				'\thowpublished = {Wang Bingzhang case archive, wgad-opinion-10-2003},',
				'\turl = {https://example.org/archive/wgad-opinion-10-2003}',
				'}',
				''
			].join('\n')
		);
	});

	it('escapes LaTeX special characters in a title', () => {
		const doc: ManifestDocument = { ...hconres, title: 'Costs & 50% of $5 #1 file_name {x} ~ ^ \\ end' };
		expect(bibtexEntry(doc, urlOf(doc))).toContain(
			'\ttitle = {{Costs \\& 50\\% of \\$5 \\#1 file\\_name \\textbraceleft{}x\\textbraceright{} \\textasciitilde{} \\textasciicircum{} \\textbackslash{} end}},'
		);
		expect(escapeBibtex('a\\b')).toBe('a\\textbackslash{}b');
	});

	it('keeps braces balanced even for a lone brace in the data', () => {
		for (const title of ['Costs & 50% of $5 #1 file_name {x} ~ ^ \\ end', 'An unclosed { brace', 'A stray } brace', '\\{']) {
			const entry = bibtexEntry({ ...hconres, title, issuer: 'Issuer } & {' }, 'https://example.org/a{b}\\c');
			expect(bracesBalance(entry), entry).toBe(true);
		}
	});

	it('keeps % and # in the url verbatim', () => {
		const url = 'https://example.org/archive/wgad-opinion-10-2003?q=a%20b&x=_y~#p-5';
		const entry = bibtexEntry(wgad, url);
		expect(entry).toContain(`\turl = {${url}}\n`);
		expect(bibtexEntry(wgad, 'https://example.org/a{b}\\c')).toContain('\turl = {https://example.org/a%7Bb%7D%5Cc}');
	});

	it('gives the month as an unbraced macro, the year and an ISO date at the date’s precision', () => {
		const entry = bibtexEntry(hconres, urlOf(hconres));
		expect(entry).toContain('\tyear = {2004},\n\tmonth = may,\n\tdate = {2004-05-06},\n');
		const december: ManifestDocument = { ...hconres, date: '2002-12', precision: 'month' };
		expect(bibtexEntry(december, urlOf(december))).toContain('\tmonth = dec,\n');
		const yearOnly = bibtexEntry(bbcBackground, urlOf(bbcBackground));
		expect(yearOnly).toContain('\tyear = {2003},\n\tdate = {2003~},\n');
		expect(yearOnly).not.toContain('month');
		const undated = bibtexEntry(fdcUndated, urlOf(fdcUndated));
		expect(undated).not.toMatch(/\t(year|month|date) =/);
	});

	it('braces the issuer as a corporate author, so " and " in it does not split it', () => {
		const doc = { ...hconres, issuer: 'Amnesty International and Human Rights Watch' };
		expect(bibtexEntry(doc, urlOf(doc))).toContain('\tauthor = {{Amnesty International and Human Rights Watch}},\n');
	});

	it('brackets a supplied title, notes it, and passes Chinese through', () => {
		const entry = bibtexEntry(manifesto, urlOf(manifesto));
		expect(entry).toContain("\ttitle = {{[Wang Bingzhang's 1982 manifesto announcing China Spring]}},\n");
		expect(entry).toContain('\torigtitle = {为了祖国的春天——弃医从运宣言},\n');
		expect(entry).toContain('\tnote = {Title supplied by the archive},\n');
		expect(entry).toContain('\tlanguage = {zh},\n');
	});
});

describe('cslItem', () => {
	it('maps the WGAD opinion', () => {
		expect(cslItem(wgad, urlOf(wgad))).toEqual({
			id: 'wgad-opinion-10-2003',
			type: 'legal_case',
			title: 'Opinion No. 10/2003 (China) - UN Working Group on Arbitrary Detention - concerning Wang Bingzhang, Yue Wu and Zhang Qi',
			author: [{ literal: 'United Nations, Commission on Human Rights, Working Group on Arbitrary Detention' }],
			authority: 'United Nations, Commission on Human Rights, Working Group on Arbitrary Detention',
			issued: { 'date-parts': [[2003, 5]], circa: true },
			genre: 'UN opinion',
			number: 'Opinion No. 10/2003 (China)',
			language: 'en',
			URL: 'https://example.org/archive/wgad-opinion-10-2003',
			archive: 'Wang Bingzhang case archive',
			archive_location: 'wgad-opinion-10-2003',
			note: 'Opinion number: Opinion No. 10/2003 (China)\nUN document symbol: E/CN.4/2004/3/Add.1\nPage in E/CN.4/2004/3/Add.1: 58\nDate approximate (circa)'
		});
	});

	it('gives date-parts at the date’s precision and omits issued for an undated document', () => {
		expect(cslItem(bbcBackground, '').issued).toEqual({ 'date-parts': [[2003]], circa: true });
		expect(cslItem(courtRuling, '').issued).toEqual({ 'date-parts': [[2003, 2]] });
		expect(cslItem(hconres, '').issued).toEqual({ 'date-parts': [[2004, 5, 6]] });
		const undated = cslItem(fdcUndated, '');
		expect(undated).not.toHaveProperty('issued');
		expect(undated.note).toBe('Title supplied by the archive');
	});

	it('types a court ruling as a legal case with the court as authority', () => {
		const item = cslItem(courtRuling, urlOf(courtRuling));
		expect(item.type).toBe('legal_case');
		expect(item.authority).toBe("Guangdong Provincial High People's Court");
		expect(item.genre).toBe('Court ruling');
		expect(item.language).toBe('zh-Hans');
		expect(item.title).toBe("[Ruling of the Guangdong Provincial High People's Court rejecting Wang Bingzhang's appeal]");
	});

	it('types the other kinds sensibly, and every kind to a CSL type', () => {
		const typeOf = (kind: DocumentKind) => cslItem({ ...wgad, kind }, '').type;
		expect(typeOf('legislative-resolution')).toBe('bill');
		expect(typeOf('letter')).toBe('letter');
		expect(typeOf('news-report')).toBe('article-newspaper');
		expect(typeOf('report')).toBe('report');
		expect(typeOf('petition')).toBe('document');
		expect(typeOf('news-report')).not.toBe(typeOf('opinion-article'));
		const cslTypes = ['article', 'article-newspaper', 'bill', 'document', 'entry-encyclopedia', 'hearing', 'legal_case', 'letter', 'manuscript', 'report', 'webpage'];
		for (const kind of Object.keys(DOCUMENT_KINDS) as DocumentKind[]) expect(cslTypes, kind).toContain(typeOf(kind));
	});

	it('keeps the original title and leaves out an undetermined language', () => {
		const item = cslItem({ ...manifesto, languages: ['und'] }, urlOf(manifesto));
		expect(item['original-title']).toBe('为了祖国的春天——弃医从运宣言');
		expect(item).not.toHaveProperty('language');
		expect(item).not.toHaveProperty('number');
	});
});

describe('cslJsonText', () => {
	it('is a JSON array of one item with the URL and the identifiers', () => {
		const parsed: unknown = JSON.parse(cslJsonText(wgad, urlOf(wgad)));
		expect(Array.isArray(parsed)).toBe(true);
		expect(parsed).toHaveLength(1);
		const [item] = parsed as Record<string, unknown>[];
		expect(item).toMatchObject({ id: 'wgad-opinion-10-2003', URL: 'https://example.org/archive/wgad-opinion-10-2003', number: 'Opinion No. 10/2003 (China)' });
		for (const { value } of wgad.identifiers) expect(item?.note).toContain(value);
	});
});

describe('citationFileName', () => {
	it('names the file after the document id', () => {
		expect(citationFileName(wgad, 'bib')).toBe('wgad-opinion-10-2003.bib');
		expect(citationFileName(wgad, 'txt')).toBe('wgad-opinion-10-2003.txt');
		expect(citationFileName(wgad, 'json')).toBe('wgad-opinion-10-2003.json');
		expect(citationFileName(wgad, 'gbt.txt')).toBe('wgad-opinion-10-2003.gbt.txt');
	});
});

describe('gbtCitation (GB/T 7714-2015)', () => {
	const zhUrl = (doc: { id: string }) => `https://example.org/zh-hans/archive/${doc.id}`;
	const options = { publisher: '王炳章案档案', cited: '2026-12-01' };

	it('cites an online document: issuer, title[type/OL], publisher, (date)[date of citing], address', () => {
		expect(gbtCitation(hconres, zhUrl(hconres), options)).toBe(
			'United States Congress (House of Representatives; received in the Senate). ' +
				"H. Con. Res. 326 (108th Congress): Expressing the sense of Congress regarding the arbitrary detention of Dr. Wang Bingzhang by the Government of the People's Republic of China and urging his immediate release (Referred in Senate)[Z/OL]. " +
				'王炳章案档案, (2004-05-06)[2026-12-01]. https://example.org/zh-hans/archive/hconres326-108-rfs.'
		);
	});

	it('cites a Chinese document by its own Chinese title, not the archive’s description', () => {
		const judgment: ManifestDocument = {
			...manifesto,
			id: 'shenzhen-judgment-2003',
			title: "Criminal judgment of the Shenzhen Intermediate People's Court in the case of Wang Bingzhang",
			originalTitle: { text: '深圳市中级人民法院刑事判决书', lang: 'zh-Hans' },
			kind: 'court-judgment',
			date: '2003-02-10',
			issuer: "Shenzhen Intermediate People's Court",
			languages: ['zh-Hans']
		};
		const expected = "Shenzhen Intermediate People's Court. 深圳市中级人民法院刑事判决书[Z/OL]. 王炳章案档案, (2003-02-10)[2026-12-01]. https://example.org/zh-hans/archive/shenzhen-judgment-2003.";
		expect(gbtCitation(judgment, zhUrl(judgment), options)).toBe(expected);
		// As a Chinese page has it (src/lib/i18n/records.ts): the own title in place of the supplied one; the same reference.
		expect(gbtCitation({ ...judgment, title: '深圳市中级人民法院刑事判决书', titleSupplied: false }, zhUrl(judgment), options)).toBe(expected);
		expect(gbtCitation(manifesto, zhUrl(manifesto), options)).toContain('Wang Bingzhang. 为了祖国的春天——弃医从运宣言[EB/OL]. 王炳章案档案, (1982-11-17)');
	});

	it('brackets a title the archive supplied (in the page’s Chinese), and keeps an English document’s own title', () => {
		const supplied: ManifestDocument = { ...bbcBackground, title: 'BBC新闻关于王炳章背景的报道' };
		expect(gbtCitation(supplied, zhUrl(supplied), options)).toBe('BBC News. [BBC新闻关于王炳章背景的报道][N/OL]. 王炳章案档案, ([2003])[2026-12-01]. https://example.org/zh-hans/archive/bbc-2003-background.');
		expect(gbtCitation(wgad, zhUrl(wgad), options)).toContain('Opinion No. 10/2003 (China) - UN Working Group on Arbitrary Detention - concerning Wang Bingzhang, Yue Wu and Zhang Qi[Z/OL].');
	});

	it('marks an approximate date as estimated, in square brackets, and gives an undated document only the date of citing', () => {
		expect(gbtCitation(wgad, zhUrl(wgad), options)).toContain('. 王炳章案档案, ([2003-05])[2026-12-01]. ');
		expect(gbtCitation(courtRuling, zhUrl(courtRuling), options)).toContain('. 王炳章案档案, (2003-02)[2026-12-01]. ');
		expect(gbtCitation(fdcUndated, zhUrl(fdcUndated), { ...options, cited: '引用日期' })).toBe(
			'FDC-USA (fdcusa.org). [FDC-USA article on the Thai and Taiwanese statements about Wang Bingzhang][EB/OL]. 王炳章案档案, [引用日期]. https://example.org/zh-hans/archive/fdc-usa-453.'
		);
	});

	it('does not double the period after an issuer that ends with one', () => {
		const text = gbtCitation({ ...hconres, issuer: 'Example Co.' }, zhUrl(hconres), options);
		expect(text.startsWith('Example Co. H. Con. Res. 326')).toBe(true);
		expect(text).not.toMatch(/\.\./);
	});

	it('gives every kind a GB/T type code: newspapers N, reports R, web items EB, the rest Z', () => {
		expect(gbtTypeCode('news-report')).toBe('N');
		expect(gbtTypeCode('report')).toBe('R');
		expect(gbtTypeCode('un-document')).toBe('R');
		expect(gbtTypeCode('ngo-release')).toBe('EB');
		expect(gbtTypeCode('court-judgment')).toBe('Z');
		expect(gbtTypeCode('letter')).toBe('Z');
		for (const kind of Object.keys(DOCUMENT_KINDS) as DocumentKind[]) expect(['N', 'R', 'EB', 'Z'], kind).toContain(gbtTypeCode(kind));
	});

	it('writes the date of citing as YYYY-MM-DD in local time', () => {
		expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
		expect(isoDay(new Date(2026, 11, 31, 23, 59))).toBe('2026-12-31');
	});
});

describe('validity on a Chinese page', () => {
	// Chinese titles, a Chinese page's address, and the characters BibTeX and JSON must escape.
	const hostile: ManifestDocument = {
		...manifesto,
		title: 'A "quoted" title with \\ backslash, {braces}, 50% & $5 #1 file_name ~ ^ and a\nnewline',
		originalTitle: { text: '“为了祖国的春天”——{弃医}从运宣言\\', lang: 'zh' },
		issuer: '王炳章 } {',
		identifiers: [{ scheme: 'Case number', value: '(2003)深中法刑一初字第41号' }]
	};
	const documents = [wgad, hconres, manifesto, bbcBackground, fdcUndated, courtRuling, hostile];
	const zhUrl = (doc: { id: string }) => `https://example.org/zh-hant/archive/${doc.id}?q=%E7%8E%8B#p-2`;

	it('CSL-JSON parses back to the same fields, Chinese included', () => {
		for (const doc of documents) {
			const [item] = JSON.parse(cslJsonText(doc, zhUrl(doc))) as Record<string, unknown>[];
			expect(item, doc.id).toMatchObject({ id: doc.id, URL: zhUrl(doc), title: cslItem(doc, zhUrl(doc)).title, author: [{ literal: doc.issuer }] });
			if (doc.originalTitle) expect(item?.['original-title']).toBe(doc.originalTitle.text);
		}
	});

	it('BibTeX keeps its braces balanced and its specials escaped', () => {
		for (const doc of documents) {
			const entry = bibtexEntry(doc, zhUrl(doc));
			expect(bracesBalance(entry), entry).toBe(true);
			expect(entry.startsWith(`@misc{${doc.id},\n`)).toBe(true);
			// Outside the url field (verbatim) and BibLaTeX's "~" for an approximate date, no unescaped special is left.
			const fields = entry.split('\n').filter((line) => !line.startsWith('\turl = ') && !/^\tdate = \{[\d-]+~?\},$/.test(line));
			for (const line of fields) expect(line.replace(/\\[%&$#_]|\\text[a-z]+\{\}/g, ''), line).not.toMatch(/[%&$#_~^]/);
		}
		expect(bibtexEntry(hostile, zhUrl(hostile))).toContain('\turl = {https://example.org/zh-hant/archive/china-spring-manifesto-1982?q=%E7%8E%8B#p-2}');
	});
});
