/**
 * The archive's size limits, in one place. Each is far above anything a case archive holds
 * (the largest file today is 38 kB) and far below what would exhaust the build machine, so a
 * mistaken or hostile file is refused with its name before it is read, instead of ending the
 * build in an out-of-memory crash.
 */

const MB = 1024 * 1024;

/** A meta.yaml, event, claim or site.yaml file. */
export const MAX_YAML_BYTES = 1 * MB;

/** Aliases a YAML file may expand (the `yaml` library's own default is 100); a "billion laughs" file needs thousands. */
export const MAX_YAML_ALIASES = 100;

/** An archived text file: a transcription or excerpt. 16 MB is some 3,000 pages of plain text. */
export const MAX_TEXT_BYTES = 16 * MB;

/** An archived PDF. Scans of a few hundred pages at 300 dpi stay well inside it. */
export const MAX_PDF_BYTES = 100 * MB;

/** An archived image: a phone's photograph or a page scanned at 600 dpi stays well inside it. */
export const MAX_IMAGE_BYTES = 60 * MB;

/** Pages of one PDF. */
export const MAX_PDF_PAGES = 2000;

/** Characters of extracted text in one document (every page or paragraph together): it is shipped to the browser. */
export const MAX_TEXT_CHARS = 8_000_000;

/** "16 MB", "100 MB": how the limits are written in messages. */
export const formatBytes = (bytes: number): string => (bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : bytes >= 1024 ? `${Math.round(bytes / 1024)} kB` : `${bytes} bytes`);
