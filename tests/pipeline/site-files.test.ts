/**
 * The headers a static host is told to send: files named by their content are kept by browsers
 * for good; nothing else is, however hashed its name looks.
 */
import { describe, expect, it } from 'vitest';
import type { Manifest } from '../../src/lib/content/manifest';
import { digestNamed, headersFile, IMMUTABLE } from '../../src/pipeline/site-files';

const noDocuments = { documents: [] } as unknown as Manifest;

describe('caching in _headers', () => {
	it('names exactly the files named by a digest', () => {
		const named = ['search/index.0d377cbf3824.json', 'search/text/records.zh-Hans.e32b31504c6d.json', 'timeline/events-4293382d5aaaebe0.json', 'zh-hant/timeline/events-4293382d5aaaebe0.json'];
		const others = [
			// An id may end in sixteen digits: its pages and data change with the archive.
			'events/detention-1998010119980131.html',
			'zh-hans/events/detention-1998010119980131.html',
			'data/tables/vote-1998010119980131.csv',
			'search/text/detention-1998010119980131.json',
			'search/text/records.json',
			'files/a-doc/scan.0d377cbf3824.json',
			'timeline/events-development.json',
			'index.html',
			'data/events.json'
		];
		expect(digestNamed([...named, ...others])).toEqual(named);
	});

	it('keeps Vite\'s files, the shards and page images by folder, the other digest-named files one by one, under the base path', () => {
		const text = headersFile(noDocuments, '/archive', ['search/index.0d377cbf3824.json']);
		const kept = text.split('\n\n').filter((rule) => rule.includes(`Cache-Control: ${IMMUTABLE}`)).map((rule) => rule.split('\n')[0]);
		expect(kept).toEqual(['/archive/_app/immutable/*', '/archive/search/shards/*', '/archive/page-images/*', '/archive/search/index.0d377cbf3824.json']);
		expect(text.split('\n\n')[0]).toBe('/*\n  X-Content-Type-Options: nosniff');
	});
});
