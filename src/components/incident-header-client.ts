/**
 * Browser side of the incident header: when the page was opened through an alert, show that
 * alert's "paged by" line and mark its severity. The alert comes from `?alert=<id>` (what
 * `/alerts/<id>/` redirects to) or, failing that, from the section anchor in the URL (the
 * alerts landing on it). Only toggles `hidden` and a data attribute on elements the build
 * rendered, and moves the header above the section the alert landed on; nothing from the URL is
 * written into the page.
 */
function apply(initial: boolean): void {
	const header = document.querySelector<HTMLElement>('[data-lb-incident]');
	if (!header) return;
	const lines = [...header.querySelectorAll<HTMLElement>('[data-lb-paged]')];
	const wanted = new URLSearchParams(location.search).get('alert');
	let hash = '';
	try {
		hash = decodeURIComponent(location.hash.slice(1));
	} catch {
		hash = location.hash.slice(1);
	}
	let chosen = lines.filter((l) => wanted !== null && l.dataset.lbPaged === wanted);
	if (chosen.length === 0 && hash !== '') chosen = lines.filter((l) => l.dataset.lbAnchor === hash);
	// Jumping on to #rollback keeps the alert the page was opened with.
	if (chosen.length === 0) return;
	const severities = new Set(chosen.map((l) => l.dataset.lbSeverity));
	for (const l of lines) l.hidden = !chosen.includes(l);
	for (const li of header.querySelectorAll<HTMLElement>('[data-lb-sev]')) {
		if (severities.has(li.dataset.lbSev)) li.dataset.lbCurrent = 'true';
		else delete li.dataset.lbCurrent;
	}
	header.dataset.lbFrom = chosen.map((l) => l.dataset.lbPaged).join(' ');
	if (initial) placeAboveSection(header, hash);
}

/**
 * Opened through an alert, the browser scrolls to the alert's section and past the header at
 * the top of the page. Move the header to just above that section and scroll to it, so who
 * to page, the live status and the section itself are on the first screen together.
 */
function placeAboveSection(header: HTMLElement, hash: string): void {
	if (hash === '') return;
	const target = document.getElementById(hash);
	if (!target || !/^H[1-6]$/.test(target.tagName)) return;
	const before = target.closest('.sl-heading-wrapper') ?? target;
	before.before(header);
	header.dataset.lbMoved = hash;
	const show = () => header.scrollIntoView({ block: 'start' });
	show();
	// The browser scrolls to the fragment again when the page has loaded: follow it up.
	if (document.readyState !== 'complete')
		window.addEventListener('load', () => requestAnimationFrame(show), { once: true });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => apply(true), { once: true });
else apply(true);
window.addEventListener('hashchange', () => apply(false));
