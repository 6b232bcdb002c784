/**
 * The reference for `npm run bench:timeline`: what idiomatic D3 gives for the same chart. A single
 * self-contained HTML page, written into the served build directory beside a copy of d3.min.js:
 * it fetches the site's own open data (/data/events.json), puts one lane per category with
 * `scaleBand`, time on `scaleUtc`, one <circle> per point event and one <rect> per span, and on
 * each d3-zoom event rescales with `transform.rescaleX`, moves every mark and redraws the axis
 * (d3-axis). No canvas, no culling, no coalescing: the plain way, as a yardstick.
 *
 * It takes the window from its query string as /timeline does (?from=1900&to=2025, partial dates
 * YYYY, YYYY-MM, YYYY-MM-DD, `to` inclusive), defaulting to the same period (1966 to the end of
 * 2022). It uses the same markup hooks as the site's chart, so the benchmark measures both alike:
 * `.timeline` gets `data-ready="true"` two animation frames after the marks are drawn and the zoom
 * behaviour attached (as the site's chart does), the marks sit in `.timeline .chart svg`, and
 * `.timeline .range` names the view.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CATEGORY_STYLES } from '../../src/lib/timeline/marks';

export const REFERENCE_PATH = '/bench-reference/';

export function writeReferencePage(buildDir = 'build'): void {
	const dir = join(buildDir, 'bench-reference');
	mkdirSync(dir, { recursive: true });
	copyFileSync(resolve('node_modules/d3/dist/d3.min.js'), join(dir, 'd3.min.js'));
	const colours = Object.fromEntries(Object.entries(CATEGORY_STYLES).map(([category, { colour }]) => [category, colour]));
	writeFileSync(join(dir, 'index.html'), html(colours));
}

const html = (colours: Record<string, string>) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Timeline reference: plain D3 and SVG</title>
<link rel="icon" href="data:,">
<style>
	body { margin: 0; padding: 16px; font: 12px system-ui, sans-serif; }
	.chart svg { display: block; touch-action: none; }
	.lane-label { font-size: 11px; fill: #444; }
</style>
<script src="d3.min.js"></script>
</head>
<body>
<div class="timeline">
	<p class="range"></p>
	<div class="chart"></div>
</div>
<script>
(async () => {
	const COLOURS = ${JSON.stringify(colours)};
	const CATEGORIES = Object.keys(COLOURS);
	// Partial dates: the first instant of the period, and the first instant after it.
	const parse = (text) => {
		const m = /^(-?\\d{1,4})(?:-(\\d{2})(?:-(\\d{2}))?)?$/.exec(String(text));
		if (!m) return null;
		const y = +m[1], mo = m[2] ? +m[2] - 1 : 0, d = m[3] ? +m[3] : 1;
		const start = new Date(Date.UTC(0, mo, d)); start.setUTCFullYear(y);
		const after = new Date(start);
		if (m[3]) after.setUTCDate(after.getUTCDate() + 1);
		else if (m[2]) after.setUTCMonth(after.getUTCMonth() + 1);
		else after.setUTCFullYear(y + 1);
		return { start, after };
	};
	const params = new URLSearchParams(location.search);
	let from = new Date(Date.UTC(1966, 0, 1)), to = new Date(Date.UTC(2023, 0, 1));
	const qFrom = parse(params.get('from') ?? ''), qTo = parse(params.get('to') ?? '');
	if (qFrom && qTo && qTo.after > qFrom.start) { from = qFrom.start; to = qTo.after; }

	const events = await (await fetch('/data/events.json')).json();
	const data = events.map((e, i) => {
		const start = parse(e.start);
		const end = e.end ? parse(e.end) : null;
		return start && { i, category: e.category, from: start.start, to: end ? end.after : null };
	}).filter(Boolean);
	const points = data.filter((d) => !d.to);
	const spans = data.filter((d) => d.to);

	const root = document.querySelector('.timeline');
	const width = root.querySelector('.chart').clientWidth;
	const margin = { top: 8, right: 8, bottom: 24, left: 8 };
	const laneHeight = 70;
	const height = margin.top + laneHeight * CATEGORIES.length + margin.bottom;
	const x0 = d3.scaleUtc().domain([from, to]).range([margin.left, width - margin.right]);
	const y = d3.scaleBand().domain(CATEGORIES).range([margin.top, height - margin.bottom]).paddingInner(0.1);
	// A fixed place in the lane per event (a hash of its index), so that marks do not all sit on one line.
	const jitter = (d) => (((d.i * 2654435761) >>> 0) / 2 ** 32) * (y.bandwidth() - 10) + 5;

	const svg = d3.select('.chart').append('svg').attr('width', width).attr('height', height).attr('viewBox', [0, 0, width, height]);
	svg.append('clipPath').attr('id', 'clip').append('rect').attr('x', margin.left).attr('y', 0).attr('width', width - margin.left - margin.right).attr('height', height);
	svg.append('g').selectAll('rect').data(CATEGORIES).join('rect')
		.attr('x', margin.left).attr('width', width - margin.left - margin.right)
		.attr('y', (c) => y(c)).attr('height', y.bandwidth()).attr('fill', '#f6f6f6');
	svg.append('g').selectAll('text').data(CATEGORIES).join('text').attr('class', 'lane-label')
		.attr('x', margin.left + 4).attr('y', (c) => y(c) + 12).text((c) => c);
	const marks = svg.append('g').attr('clip-path', 'url(#clip)');
	const rects = marks.append('g').selectAll('rect').data(spans).join('rect')
		.attr('y', (d) => y(d.category) + jitter(d) - 3).attr('height', 6).attr('fill', (d) => COLOURS[d.category]);
	const circles = marks.append('g').selectAll('circle').data(points).join('circle')
		.attr('cy', (d) => y(d.category) + jitter(d)).attr('r', 3).attr('fill', (d) => COLOURS[d.category]);
	const axis = d3.axisBottom(x0).ticks(width / 80);
	const gx = svg.append('g').attr('transform', \`translate(0,\${height - margin.bottom})\`);
	const range = root.querySelector('.range');
	const format = d3.utcFormat('%Y-%m-%d');

	const draw = (x) => {
		rects.attr('x', (d) => x(d.from)).attr('width', (d) => Math.max(1, x(d.to) - x(d.from)));
		circles.attr('cx', (d) => x(d.from));
		gx.call(axis.scale(x));
		const [a, b] = x.domain();
		range.textContent = format(a) + ' – ' + format(b);
	};
	draw(x0);
	const zoom = d3.zoom().scaleExtent([1 / 16, 1e5]).on('zoom', ({ transform }) => draw(transform.rescaleX(x0)));
	svg.call(zoom).on('dblclick.zoom', null);
	requestAnimationFrame(() => requestAnimationFrame(() => root.setAttribute('data-ready', 'true')));
})();
</script>
</body>
</html>
`;
