/**
 * Browser side of live status: re-fetches status.json on a timer (no page reload), keeps
 * every age current, and turns a value grey with the word "stale" once it is older than
 * the limit. Renders with textContent only, so nothing from the JSON becomes markup.
 * Uses the same pure rule as the build (`deriveSurfaceState`).
 */
import { formatAgo } from '../core/status/format.ts';
import type { CheckStatus, StatusReport, SurfaceStatus } from '../core/status/report.ts';
import { isStale } from '../core/status/staleness.ts';
import { deriveSurfaceState, worstFirst } from '../core/status/surface-state.ts';
import type { StatusState } from '../core/status/state.ts';

type CompactCheck = Pick<CheckStatus, 'name' | 'state' | 'observedAt' | 'stale'>;

const TICK_MS = 15_000;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
	const e = document.createElement(tag);
	if (cls) e.className = cls;
	if (text !== undefined) e.textContent = text;
	return e;
}

function ago(iso: string | null, now: Date): string {
	return iso === null ? 'never observed' : formatAgo(now.getTime() - Date.parse(iso));
}

/** The words and class a state is shown with; stale is grey and says so. */
function shown(check: CompactCheck, now: Date, staleAfter: number): { cls: string; word: string } {
	if (isStale(check, now, staleAfter)) return { cls: 'stale', word: `stale (last ${check.state})` };
	return { cls: check.state, word: check.state };
}

function pill(state: StatusState | 'stale', word: string): HTMLElement {
	const p = el('span', `lb-status lb-status--${state}`);
	p.append(el('span', 'lb-status__dot'), el('span', 'lb-status__state', word));
	p.firstElementChild!.setAttribute('aria-hidden', 'true');
	return p;
}

function link(href: string | null, text: string): Node | undefined {
	if (!href || !/^https?:\/\//i.test(href)) return undefined;
	const a = el('a', undefined, text);
	a.href = href;
	a.rel = 'noopener';
	return a;
}

function renderSurface(s: SurfaceStatus, now: Date, staleAfter: number): HTMLElement {
	const section = el('section', 'lb-status-surface');
	section.dataset.surface = s.id;
	const derived = deriveSurfaceState(s.checks, now, staleAfter);
	const h = el('h2');
	h.id = `surface-${s.id}`;
	h.append(document.createTextNode(`${s.name} `), pill(derived.state, derived.state));
	section.append(h, el('p', 'lb-status-reason', derived.reason));
	if (s.checks.length === 0) return section;
	const table = el('table', 'lb-status-table');
	const head = el('tr');
	for (const t of ['Check', 'State', 'Value', 'Age', 'Why']) {
		const th = el('th', undefined, t);
		th.scope = 'col';
		head.append(th);
	}
	table.append(el('thead'), el('tbody'));
	table.tHead!.append(head);
	for (const c of s.checks) {
		const view = shown(c, now, staleAfter);
		const tr = el('tr', `lb-status-row lb-status-row--${view.cls}`);
		tr.dataset.check = c.id;
		const name = el('th', undefined, c.name);
		name.scope = 'row';
		const state = el('td');
		state.append(pill(view.cls as StatusState | 'stale', view.word));
		const age = el('td', 'lb-status-age');
		const time = el('time', undefined, ago(c.observedAt, now));
		if (c.observedAt) time.dateTime = c.observedAt;
		age.append(time);
		const why = el('td', 'lb-status-why', c.reason);
		const src = link(c.source, 'Source');
		if (src) why.append(' ', src);
		tr.append(name, state, el('td', 'lb-status-value', c.display || '—'), age, why);
		table.tBodies[0]!.append(tr);
	}
	section.append(table);
	return section;
}

function renderPage(root: HTMLElement, report: StatusReport, now: Date): void {
	const staleAfter = report.staleAfterMinutes;
	const generated = root.querySelector<HTMLElement>('[data-lb-generated]');
	if (generated) generated.textContent = `${ago(report.generatedAt, now)} (${report.generatedAt})`;
	const summary = root.querySelector<HTMLElement>('[data-lb-status-summary]');
	if (summary) {
		const section = summary.closest('section');
		if (section) section.hidden = false;
		const items = worstFirst(
			report.surfaces.map((s) => ({ id: s.id, name: s.name, ...deriveSurfaceState(s.checks, now, staleAfter) })),
		);
		summary.replaceChildren(
			...items.map((x) => {
				const li = el('li');
				li.dataset.surface = x.id;
				li.dataset.state = x.state;
				const a = el('a', undefined, x.name);
				a.href = `#surface-${x.id}`;
				li.append(a, ' ', pill(x.state, x.state), ' ', el('span', 'lb-status-reason', x.reason));
				return li;
			}),
		);
	}
	const list = root.querySelector<HTMLElement>('[data-lb-surfaces]');
	if (list) list.replaceChildren(...report.surfaces.map((s) => renderSurface(s, now, staleAfter)));
}

function renderBadge(
	badge: HTMLElement,
	checks: readonly CompactCheck[],
	generatedAt: string | null,
	staleAfter: number,
	now: Date,
): void {
	const derived = deriveSurfaceState(checks, now, staleAfter);
	const anyStale = checks.some((c) => isStale(c, now, staleAfter));
	badge.className = `lb-status lb-status--${derived.state}`;
	badge.title = derived.reason;
	const state = badge.querySelector('.lb-status__state');
	if (state) state.textContent = anyStale && derived.state === 'unknown' ? 'unknown (stale)' : derived.state;
	const age = badge.querySelector('.lb-status__age');
	if (age) age.textContent = generatedAt ? ` · checked ${ago(generatedAt, now)}` : '';
}

/** A down or degraded banner (StatusBanner.astro): shown only while the surface is down or degraded. */
function renderBanner(banner: HTMLElement, s: SurfaceStatus, generatedAt: string, staleAfter: number, now: Date): void {
	const derived = deriveSurfaceState(s.checks, now, staleAfter);
	const bad = derived.state === 'down' || derived.state === 'degraded';
	banner.hidden = !bad;
	if (!bad) {
		delete banner.dataset.lbState;
		return;
	}
	banner.dataset.lbState = derived.state;
	banner.classList.toggle('starlight-aside--danger', derived.state === 'down');
	banner.classList.toggle('starlight-aside--caution', derived.state !== 'down');
	const set = (sel: string, text: string) => {
		const e = banner.querySelector(sel);
		if (e) e.textContent = text;
	};
	set('[data-lb-banner-state]', derived.state);
	set('[data-lb-banner-reason]', derived.reason);
	set('[data-lb-banner-age]', ago(generatedAt, now));
}

function compact(s: SurfaceStatus | undefined): CompactCheck[] {
	return (s?.checks ?? []).map((c) => ({ name: c.name, state: c.state, observedAt: c.observedAt, stale: c.stale }));
}

function start(): void {
	// One set of timers per page, however many scripts import this module.
	const w = window as unknown as { __lbStatusRefresh?: boolean };
	if (w.__lbStatusRefresh) return;
	w.__lbStatusRefresh = true;
	const page = document.querySelector<HTMLElement>('[data-lb-status-page]');
	const badges = [...document.querySelectorAll<HTMLElement>('[data-lb-status-surface]')];
	const banners = [...document.querySelectorAll<HTMLElement>('[data-lb-status-banner]')];
	const first = page ?? badges[0];
	if (!first) return;
	const url = first.dataset.lbStatusUrl!;
	const refreshMs = Math.max(5, Number(first.dataset.lbRefreshSeconds) || 60) * 1000;
	const note = document.querySelector<HTMLElement>('[data-lb-refresh-note]');
	let report: StatusReport | undefined;
	if (page?.dataset.lbReport) {
		try {
			report = JSON.parse(page.dataset.lbReport) as StatusReport;
		} catch {
			report = undefined;
		}
	}
	const render = () => {
		const now = new Date();
		if (page && report) renderPage(page, report, now);
		if (report) {
			for (const b of banners) {
				const s = report.surfaces.find((x) => x.id === b.dataset.lbStatusBanner);
				if (s) renderBanner(b, s, report.generatedAt, report.staleAfterMinutes, now);
			}
		}
		for (const b of badges) {
			const staleAfter = report?.staleAfterMinutes ?? Number(b.dataset.lbStaleAfter);
			if (report) {
				const s = report.surfaces.find((x) => x.id === b.dataset.lbStatusSurface);
				if (s) renderBadge(b, compact(s), report.generatedAt, staleAfter, now);
			} else if (b.dataset.lbChecks) {
				try {
					renderBadge(
						b,
						JSON.parse(b.dataset.lbChecks) as CompactCheck[],
						b.dataset.lbGenerated ?? null,
						staleAfter,
						now,
					);
				} catch {
					/* keep what the build rendered */
				}
			}
		}
	};
	const refresh = async () => {
		try {
			const res = await fetch(`${url}?t=${Date.now()}`, { cache: 'no-store' });
			if (!res.ok) throw new Error(`HTTP ${res.status}`);
			const next = (await res.json()) as StatusReport;
			if (next?.schemaVersion !== 1 || !Array.isArray(next.surfaces)) throw new Error('not a status report');
			// A report the page cannot draw (a damaged or foreign file) is refused, and the last good one kept.
			const last = report;
			report = next;
			try {
				render();
			} catch {
				report = last;
				throw new Error('not a status report');
			}
			if (note)
				note.textContent = `Refreshed ${new Date().toISOString().slice(11, 19)} UTC; next refresh in ${refreshMs / 1000} s.`;
		} catch (error) {
			if (note)
				note.textContent = `Could not refresh the status (${(error as Error).message}); showing what was last loaded, ageing.`;
		}
		render();
	};
	render();
	void refresh();
	setInterval(() => void refresh(), refreshMs);
	setInterval(render, TICK_MS);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
else start();
