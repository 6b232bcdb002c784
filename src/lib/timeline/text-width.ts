/** A label's width in half-width units, for layout before anything is drawn: Chinese (and other full-width) characters count two. */
export const labelUnits = (label: string): number => [...label].reduce((n, ch) => n + (/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/u.test(ch) ? 2 : 1), 0);
