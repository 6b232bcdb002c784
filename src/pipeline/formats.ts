/**
 * The format gate: every archived file is identified by its bytes (file-type's magic numbers,
 * plus the HTML and XML sniffing rules browsers apply), and must agree with its declared media
 * type and its extension. Only formats the site can show are accepted; anything a browser would
 * run (HTML, SVG, XML with scripts, a PDF that also parses as HTML) is refused, because an archived file is
 * served from the site's own origin and must never be able to run script there.
 * The accepted formats are listed in src/lib/content/formats.ts.
 */
import { fileTypeFromBuffer } from 'file-type';
import { ACCEPTED_FORMATS, ACCEPTED_MEDIA_TYPES, CONVERTIBLE_FORMATS, extensionOf, isImageType, type ArchivedMediaType } from '../lib/content/formats';
import { imageHeader } from './images';

export interface FormatProblem {
	/** Where the fault lies: the file's bytes, or its entry in meta.yaml (name or mediaType). */
	at: '(file)' | 'name' | 'mediaType';
	problem: string;
	fix: string;
}

const ACTIVE_FIX = 'the archive never holds formats a browser runs; archive the document as a PDF (print it to PDF) or its words as a .txt transcription';

// The WHATWG MIME Sniffing Standard's HTML signatures ("rules for identifying an unknown MIME
// type"): after leading whitespace, one of these tags followed by a space or ">".
const HTML_SIGNATURE = /^(?:<!doctype html|<html|<head|<script|<iframe|<h1|<div|<font|<table|<a|<style|<title|<b|<body|<br|<p|<!--)[ >\t\n\f\r]/i;
// Markup anywhere near the start of a file that claims another format: a polyglot.
const MARKUP_NEAR_START = /<(?:!doctype\s+html|html|head|body|script|iframe|svg|object|embed|meta|style)[\s>/]/i;

// What can run script in an XML document a browser renders: SVG, XHTML, a stylesheet, script elements,
// event-handler attributes, javascript: URLs, embedded objects. XML without any of these is data.
const ACTIVE_IN_XML = /<svg[\s>/]|<(?:[\w-]+:)?(?:script|html|iframe|object|embed|foreignObject)[\s>/]|<\?xml-stylesheet|xmlns(?::\w+)?=["']http:\/\/www\.w3\.org\/1999\/xhtml|\son\w+\s*=|javascript:/i;

/**
 * "HTML", "SVG" or "active XML" when a browser could run the bytes as a page; null otherwise.
 * XML that is only data (a bill-status record, say) is not active: archived as text/plain and
 * served with nosniff, it is shown as text.
 */
export function sniffMarkup(bytes: Uint8Array): 'HTML' | 'SVG' | 'active XML' | null {
	const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/^(?:\xef\xbb\xbf)?[\t\n\f\r ]*/, '');
	if (/^<svg[\s>/]/i.test(head)) return 'SVG';
	if (/^<\?xml[\s?]/i.test(head)) {
		const whole = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
		if (/<svg[\s>/]/i.test(whole)) return 'SVG';
		return ACTIVE_IN_XML.test(whole) ? 'active XML' : null;
	}
	if (HTML_SIGNATURE.test(head)) return 'HTML';
	return null;
}

// Text may hold tab, line feed and carriage return; no other C0 or C1 control, DEL or NUL.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

/** Problems with a text file's bytes: valid UTF-8, no controls, not markup. */
function checkText(bytes: Uint8Array): FormatProblem[] {
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		return [{ at: '(file)', problem: 'is not valid UTF-8 text', fix: 'convert the transcription to UTF-8 (e.g. `iconv -f GB18030 -t UTF-8`), then update its sha256' }];
	}
	const control = CONTROL.exec(text);
	if (control) {
		const before = text.slice(0, control.index);
		const line = before.split('\n').length;
		const column = control.index - before.lastIndexOf('\n');
		const code = `U+${control[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
		return [{ at: '(file)', problem: `holds the control character ${code} at line ${line}, column ${column}; plain text holds no control characters but tab, carriage return and line feed`, fix: 'remove it (a NUL or other control character means the file is binary or damaged: archive the original as it is, e.g. as a PDF), then update its sha256' }];
	}
	return [];
}

/**
 * Everything wrong with a file's format, given its name, declared media type and bytes.
 * An empty list means the gate lets it through.
 */
export async function checkFormat(name: string, declared: ArchivedMediaType, bytes: Uint8Array): Promise<FormatProblem[]> {
	const problems: FormatProblem[] = [];
	const format = ACCEPTED_FORMATS[declared];
	const ext = extensionOf(name);
	if (!(format.extensions as readonly string[]).includes(ext)) {
		problems.push({ at: 'name', problem: `"${name}" ends in "${ext || '(no extension)'}", but its mediaType is ${declared}, whose files end in ${format.extensions.join(' or ')}`, fix: `rename the file to end in ${format.extensions[0]} (and its entry here), or correct mediaType` });
	}
	const markup = sniffMarkup(bytes);
	if (markup) return [...problems, { at: '(file)', problem: `is ${markup} by its content (declared ${declared}), a format a browser runs`, fix: ACTIVE_FIX }];
	const detected = await fileTypeFromBuffer(bytes);
	if (isImageType(declared)) {
		if (detected?.mime !== declared) {
			const convertible = detected && CONVERTIBLE_FORMATS[`.${detected.ext}`];
			const what = detected ? `a ${detected.ext.toUpperCase()} file (${detected.mime})` : 'not an image';
			problems.push({ at: '(file)', problem: `is ${what} by its content, but is declared ${declared}`, fix: convertible ? convertible.fix(name) : `archive the image itself (${ACCEPTED_FORMATS[declared].label}), or correct mediaType to what the file is (accepted: ${ACCEPTED_MEDIA_TYPES.join(', ')})` });
			return problems;
		}
		const header = await imageHeader(bytes);
		if (!header.ok) problems.push({ at: '(file)', problem: `cannot be read as an image (${header.problem})`, fix: 'the file is damaged: replace it with an intact copy of the original (scan or photograph it again if need be) and update its sha256' });
		return problems;
	}
	if (declared === 'application/pdf') {
		const startsAsPdf = Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-';
		if (!startsAsPdf || (detected && detected.mime !== 'application/pdf')) {
			const what = detected ? `a ${detected.ext.toUpperCase()} file (${detected.mime})` : 'not a PDF';
			problems.push({ at: '(file)', problem: `is ${what} by its content, but is declared application/pdf (a PDF starts with "%PDF-")`, fix: 'archive the PDF itself, or correct mediaType to what the file is (accepted: ' + ACCEPTED_MEDIA_TYPES.join(', ') + ')' });
		} else if (MARKUP_NEAR_START.test(Buffer.from(bytes.subarray(0, 1024)).toString('latin1'))) {
			problems.push({ at: '(file)', problem: 'is a PDF that also holds HTML markup in its first 1,024 bytes (an HTML/PDF polyglot), which a browser could run', fix: ACTIVE_FIX });
		}
		return problems;
	}
	if (declared === 'application/json') {
		if (detected) return [...problems, { at: '(file)', problem: `is a ${detected.ext.toUpperCase()} file (${detected.mime}) by its content, not JSON`, fix: 'archive the JSON data itself, or correct mediaType' }];
		const text = checkText(bytes);
		if (text.length > 0) return [...problems, ...text];
		try {
			JSON.parse(new TextDecoder('utf-8').decode(bytes));
		} catch (error) {
			problems.push({ at: '(file)', problem: `is not valid JSON (${(error as Error).message})`, fix: 'archive the data file exactly as it was published; if it is damaged, obtain an intact copy and update its sha256' });
		}
		return problems;
	}
	// file-type calls any XML "application/xml"; sniffMarkup has already refused the active kinds.
	if (detected && detected.mime !== 'application/xml') {
		const active = detected.mime.includes('html') || detected.mime.includes('javascript');
		problems.push({ at: '(file)', problem: `is a ${detected.ext.toUpperCase()} file (${detected.mime}) by its content, not plain text`, fix: active ? ACTIVE_FIX : `archive it under its own media type if the archive accepts it (${ACCEPTED_MEDIA_TYPES.join(', ')}), or archive its words as a .txt transcription` });
		return problems;
	}
	return [...problems, ...checkText(bytes)];
}
