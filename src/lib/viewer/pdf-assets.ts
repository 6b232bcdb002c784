/**
 * Where the built site serves pdf.js's character maps and standard fonts (copied there by the
 * pipeline from the installed pdfjs-dist). Without the maps, Chinese PDFs that do not embed
 * their fonts cannot be drawn.
 */
export const PDFJS_ASSETS = '/pdfjs';
export const CMAPS_PATH = `${PDFJS_ASSETS}/cmaps/`;
export const STANDARD_FONTS_PATH = `${PDFJS_ASSETS}/standard_fonts/`;
/** Decoders for JPEG 2000 and JBIG2 images (common in scans) and colour profiles. */
export const WASM_PATH = `${PDFJS_ASSETS}/wasm/`;
export const ICC_PATH = `${PDFJS_ASSETS}/iccs/`;
