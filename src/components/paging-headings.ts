/** Headings `PagingRouting.astro` renders, for the escalation page's table of contents. */
export const PAGING_HEADINGS = [
	{ depth: 2, slug: 'paging', text: 'Paging (Alertmanager)' },
	{ depth: 3, slug: 'inhibition', text: 'What an outage holds back' },
	{ depth: 3, slug: 'watchdog', text: 'Watchdog' },
] as const;
