/**
 * How a scanned document's pages are shown: as the scan (each page's image, its machine-read words
 * laid over it) or as their text (the words the build holds, reflowed at a reading size, no canvas).
 */
import type { OcrBox } from '$lib/content/ocr-text';

export type PageView = 'scan' | 'text';

/** Whether OCR read at least one page: only then is there a scan to switch away from. */
export function hasMachineRead(machineWords: Record<number, readonly (readonly OcrBox[])[]> | undefined): boolean {
	return Object.keys(machineWords ?? {}).length > 0;
}

/**
 * After a switch, where the reader is taken back to: the page they were on, and the current match
 * too when it is on that page (so a find goes on where it was); -1 when there is no such match.
 */
export function placeAfterSwitch(currentPage: number, currentMatch: number, places: readonly { unit: number }[]): { page: number; match: number } {
	return { page: currentPage, match: places[currentMatch]?.unit === currentPage ? currentMatch : -1 };
}
