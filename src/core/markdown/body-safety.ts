/**
 * Content is data: judges a Markdown/MDX body on its parsed tree (remark-mdx and GFM, the
 * grammar Astro's MDX uses) and reports everything that would run code or inject markup when
 * the site is built or viewed. Allowed: Markdown, GFM, an allow-list of plain HTML elements
 * written as JSX (`<kbd>`, `<details>`, …) with an allow-list of attributes, and, outside docs
 * pages, the Starlight components Launchbook hands to every body (Aside, Steps, Tabs,
 * TabItem). Refused (`content-not-data`): `import`/`export`, `{expressions}` (an MDX comment
 * `{/* … *\/}` excepted), expression and spread attributes, `<script>`/`<style>`/`<iframe>`/
 * `<object>`/`<embed>` and every other element not on the list, `on*` handlers, `srcdoc`, and
 * raw HTML in `.md` bodies beyond attribute-less allowed tags. Refused (`unsafe-link`): a link,
 * image, definition or URL attribute whose scheme, once entities are decoded and whitespace
 * and control characters dropped, is anything but http, https, mailto or tel.
 *
 * The gate (through the content loader) and the site build (the same loader, run by the
 * Launchbook integration before Astro renders anything) call these functions. Pure.
 */
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { SourcePosition } from '../content/finding.ts';
import { parseMdxTree } from './mdx-tree.ts';
import { plainOutline } from './plain-outline.ts';

export type SafetyRule = 'content-not-data' | 'unsafe-link';

export interface SafetyFinding {
	readonly rule: SafetyRule;
	readonly line: number;
	readonly column: number;
	readonly message: string;
	readonly fix: string;
}

export interface BodySafetyOptions {
	/** `.mdx` bodies are parsed as MDX; `.md` bodies as Markdown, where raw HTML is possible. */
	readonly format: 'mdx' | 'md';
	/** Added to every line so positions point into the whole file. */
	readonly lineOffset?: number;
	/** Components the page rendering this body provides; docs pages (rendered by Starlight) get none. */
	readonly components: readonly string[];
}

/** The Starlight components the runbook, comms, tabletop and offline-kit pages pass to every body. */
export const BODY_COMPONENTS = {
	Aside: ['type', 'title', 'icon'],
	Steps: [],
	Tabs: ['syncKey'],
	TabItem: ['label', 'icon'],
} as const satisfies Record<string, readonly string[]>;

const COMPONENT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = BODY_COMPONENTS;

/** Plain HTML elements a body may write as JSX (or, attribute-less, as raw HTML in `.md`). */
const ELEMENTS: Readonly<Record<string, readonly string[]>> = {
	a: ['href'],
	abbr: [],
	b: [],
	blockquote: [],
	br: [],
	code: [],
	dd: [],
	del: [],
	details: ['open'],
	div: [],
	dl: [],
	dt: [],
	em: [],
	figcaption: [],
	figure: [],
	h2: [],
	h3: [],
	h4: [],
	h5: [],
	h6: [],
	hr: [],
	i: [],
	img: ['src', 'alt', 'width', 'height', 'loading'],
	ins: [],
	kbd: [],
	li: [],
	mark: [],
	ol: ['start', 'reversed'],
	p: [],
	pre: [],
	q: [],
	s: [],
	samp: [],
	small: [],
	span: [],
	strong: [],
	sub: [],
	summary: [],
	sup: [],
	table: [],
	tbody: [],
	td: ['colspan', 'colSpan', 'rowspan', 'rowSpan'],
	tfoot: [],
	th: ['colspan', 'colSpan', 'rowspan', 'rowSpan', 'scope'],
	thead: [],
	tr: [],
	u: [],
	ul: [],
	var: [],
	wbr: [],
};

/** Attributes any allowed element or component may carry. */
const GLOBAL_ATTRIBUTES = new Set(['id', 'class', 'className', 'title', 'lang', 'dir', 'role']);

/** Elements that run script, style the page or embed another document: named in the finding. */
const EMBEDDING: Readonly<Record<string, string>> = {
	script: 'runs script in every reader’s browser',
	style: 'restyles the whole page and can hide or fake content',
	iframe: 'embeds another document in the page',
	frame: 'embeds another document in the page',
	object: 'embeds a plugin or another document in the page',
	embed: 'embeds a plugin or another document in the page',
	svg: 'can carry script and event handlers',
	math: 'can carry links and markup the page does not expect',
	form: 'can send what a reader types to another site',
	base: 'changes where every link on the page goes',
	link: 'loads a stylesheet or document from elsewhere',
	meta: 'can redirect the page',
	template: 'holds markup the page does not show or check',
};

/** Attributes whose value is a URL, checked for its scheme whatever element carries them. */
const URL_ATTRIBUTES = new Set([
	'href',
	'src',
	'action',
	'formaction',
	'xlink:href',
	'poster',
	'background',
	'cite',
	'data',
	'srcset',
	'ping',
	'longdesc',
	'codebase',
	'icon',
]);

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

const LINK_FIX = 'Link to an https:// page instead; if the text is an example, put it in a code span.';

// Markdown pages also read `:::note{…}` directives, as Astro's parser does for Starlight's asides, so
// the gate sees their attributes. (In MDX, a directive's `{…}` attributes are an expression and
// refused as such; the shared MDX parse keeps to remark-mdx, so heading anchors stay as Astro makes them.)
const markdown = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/**
 * The scheme a browser would see in `url`: entities are already decoded by the parser; tabs,
 * newlines, other whitespace and control or format characters (which browsers drop or which
 * only hide the scheme from a reader) are removed, and case is folded.
 */
export function urlScheme(url: string): string | undefined {
	const cleaned = url.replace(/[\p{Cc}\p{Cf}\p{White_Space}]/gu, '');
	const m = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
	return m ? m[1]!.toLowerCase() : undefined;
}

/** The scheme of `url` when it is not one a responder's link may use. */
export function unsafeScheme(url: string): string | undefined {
	const scheme = urlScheme(url);
	return scheme !== undefined && !SAFE_SCHEMES.has(scheme) ? scheme : undefined;
}

/** A short, single-line quotation of source text for a finding. */
function quote(text: string, max = 60): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** `{/* … *\/}`: an MDX comment, which compiles to nothing. */
const COMMENT_ONLY = /^\s*\/\*(?:(?!\*\/)[\s\S])*\*\/\s*$/;
/** An attribute-less allowed tag, opening, closing or self-closing, as raw HTML in `.md`. */
const PLAIN_TAG = /^<(\/?)([a-z][a-z0-9]*)\s*(\/?)>$/i;
const HTML_COMMENT = /^<!--(?:(?!-->)[\s\S])*-->$/;

interface Node {
	readonly type: string;
	readonly name?: string | null;
	readonly value?: unknown;
	readonly url?: string;
	readonly identifier?: string;
	readonly label?: string | null;
	readonly attributes?: readonly Attribute[];
	readonly children?: readonly Node[];
	readonly position?: { readonly start: { readonly line: number; readonly column: number } };
}

interface Attribute {
	readonly type: string;
	readonly name?: string;
	readonly value?: unknown;
	readonly position?: { readonly start: { readonly line: number; readonly column: number } };
}

/** mdast node types that carry no code and whose children (if any) are walked. */
const MARKDOWN_NODES = new Set([
	'root',
	'paragraph',
	'heading',
	'thematicBreak',
	'blockquote',
	'list',
	'listItem',
	'table',
	'tableRow',
	'tableCell',
	'code',
	'inlineCode',
	'text',
	'emphasis',
	'strong',
	'delete',
	'break',
	'linkReference',
	'imageReference',
	'footnoteReference',
	'footnoteDefinition',
	// Frontmatter, which the loaders and schemas judge, and text constructs some parsers add.
	'yaml',
	'toml',
	'math',
	'inlineMath',
	'superscript',
	'subscript',
	'descriptionList',
	'descriptionTerm',
	'descriptionDetails',
]);

/** Directive attributes that only name or label a Starlight aside (`:::note[Title]{#id .class}`). */
const DIRECTIVE_ATTRIBUTES = new Set(['id', 'class']);

/** Judge a parsed tree. `lineOffset` is added to every line. */
export function treeSafety(tree: Root, options: BodySafetyOptions): SafetyFinding[] {
	const offset = options.lineOffset ?? 0;
	const components = new Set(options.components);
	const findings: SafetyFinding[] = [];
	const at = (node: Pick<Node, 'position'>, fallback?: Pick<Node, 'position'>): SourcePosition => {
		const start = node.position?.start ?? fallback?.position?.start;
		return { line: (start?.line ?? 1) + offset, column: start?.column ?? 1 };
	};
	const report = (rule: SafetyRule, pos: SourcePosition, message: string, fix: string) =>
		findings.push({ rule, line: pos.line, column: pos.column, message, fix });
	const notData = (pos: SourcePosition, message: string, fix: string) => report('content-not-data', pos, message, fix);
	const link = (pos: SourcePosition, what: string, url: string) => {
		const scheme = unsafeScheme(url);
		if (scheme)
			report(
				'unsafe-link',
				pos,
				`${what} uses a ${scheme}: URL, which would run or open something other than a web page.`,
				LINK_FIX,
			);
	};
	const componentList = options.components.length > 0 ? options.components.join(', ') : undefined;

	const attributes = (node: Node, tag: string, allowed: ReadonlySet<string>) => {
		for (const attr of node.attributes ?? []) {
			const pos = at(attr, node);
			if (attr.type === 'mdxJsxExpressionAttribute') {
				notData(
					pos,
					`the spread attribute {${quote(String(attr.value ?? ''))}} on <${tag}> is code, run when the site is built.`,
					'Write each attribute as name="text".',
				);
				continue;
			}
			const name = attr.name ?? '';
			if (attr.value !== null && attr.value !== undefined && typeof attr.value !== 'string') {
				notData(
					pos,
					`the attribute ${name}={…} on <${tag}> is an expression, code run when the site is built.`,
					`Write the value as text: ${name}="…".`,
				);
				continue;
			}
			const value = typeof attr.value === 'string' ? attr.value : '';
			if (/^on/i.test(name)) {
				notData(
					pos,
					`the attribute ${name} on <${tag}> is an event handler: it runs script in the reader’s browser.`,
					'Remove the attribute; content cannot carry script.',
				);
				continue;
			}
			if (name.toLowerCase() === 'srcdoc') {
				notData(
					pos,
					`the attribute srcdoc on <${tag}> embeds a whole HTML document, script included.`,
					'Remove the attribute; link to the page instead.',
				);
				continue;
			}
			if (URL_ATTRIBUTES.has(name.toLowerCase())) link(pos, `the ${name} attribute of <${tag}>`, value);
			if (!allowed.has(name) && !GLOBAL_ATTRIBUTES.has(name) && !/^aria-[a-z]+$/.test(name))
				notData(
					pos,
					`the attribute ${name} is not allowed on <${tag}>.`,
					`Remove it; <${tag}> may carry ${[...allowed, ...GLOBAL_ATTRIBUTES, 'aria-*'].join(', ')}.`,
				);
		}
	};

	const element = (node: Node) => {
		const name = node.name;
		// A fragment (<>…</>) renders only its children.
		if (name === null || name === undefined) return;
		const pos = at(node);
		const isComponent = /^[A-Z]/.test(name) || /[.:]/.test(name);
		if (isComponent) {
			const allowed = components.has(name) ? COMPONENT_ATTRIBUTES[name] : undefined;
			if (!allowed) {
				notData(
					pos,
					componentList
						? `the component <${name}> is not one this page provides (${componentList}).`
						: `the component <${name}> is not available here: docs pages are rendered by Starlight with no components.`,
					componentList
						? `Use one of ${componentList} without importing it, or plain Markdown.`
						: 'Use plain Markdown, or a ":::note" aside.',
				);
				return;
			}
			attributes(node, name, new Set(allowed));
			return;
		}
		const lower = name.toLowerCase();
		const why = EMBEDDING[lower];
		if (why) {
			notData(
				pos,
				`the element <${name}> ${why}; content cannot carry it.`,
				'Remove the element; write the text in Markdown, or put an example in a code block.',
			);
			return;
		}
		const allowed = ELEMENTS[name];
		if (!allowed) {
			notData(
				pos,
				`the element <${name}> is not on the list of HTML elements content may use.`,
				'Use Markdown instead, or one of the plain elements such as <kbd>, <details>, <summary>, <sup>, <br>.',
			);
			return;
		}
		attributes(node, name, new Set(allowed));
	};

	const rawHtml = (node: Node) => {
		const value = String(node.value ?? '').trim();
		if (HTML_COMMENT.test(value)) return;
		const plain = PLAIN_TAG.exec(value);
		const tag = /^<\/?\s*([a-zA-Z][\w:-]*)/.exec(value)?.[1];
		if (plain && Object.hasOwn(ELEMENTS, plain[2]!.toLowerCase())) return;
		const pos = at(node);
		const why = tag ? EMBEDDING[tag.toLowerCase()] : undefined;
		const handler = /[\s/"']on[a-z]+\s*=/i.test(value);
		notData(
			pos,
			why
				? `the raw HTML element <${tag}> ${why}; content cannot carry it.`
				: handler
					? `the raw HTML "${quote(value)}" carries an event handler: it runs script in the reader’s browser.`
					: `the raw HTML "${quote(value)}" is not allowed: only plain tags without attributes, such as <kbd> or <br>, are.`,
			'Write it in Markdown ([text](https://…), ![alt](https://…)); put an example in a code span or block.',
		);
	};

	const visit = (node: Node) => {
		switch (node.type) {
			case 'mdxjsEsm':
				notData(
					at(node),
					`"${quote(String(node.value ?? ''))}" is an import/export statement: code run when the site is built.`,
					componentList
						? `Remove it: content is data. ${componentList} are available without an import.`
						: 'Remove it: content is data.',
				);
				return;
			case 'mdxFlowExpression':
			case 'mdxTextExpression': {
				const code = String(node.value ?? '');
				if (COMMENT_ONLY.test(code)) return;
				notData(
					at(node),
					`the expression {${quote(code)}} is code, run when the site is built.`,
					'Write the text itself; a literal brace in prose is written "\\{", and code examples go in a code span or block.',
				);
				return;
			}
			case 'mdxJsxFlowElement':
			case 'mdxJsxTextElement':
				element(node);
				break;
			case 'html':
				rawHtml(node);
				return;
			// `:::note` asides, as parsers with directives (Astro's, for Starlight) read them.
			case 'containerDirective':
			case 'leafDirective':
			case 'textDirective': {
				const attrs = (node as { attributes?: Record<string, unknown> | null }).attributes ?? {};
				const extra = Object.keys(attrs).filter((k) => !DIRECTIVE_ATTRIBUTES.has(k));
				if (extra.length > 0)
					notData(
						at(node),
						`the directive ":${node.name ?? ''}" carries the attribute${extra.length > 1 ? 's' : ''} ${extra.join(', ')}, which content cannot set.`,
						'Write the aside as ":::note[Title]" with no attributes other than #id and .class.',
					);
				break;
			}
			case 'link':
				link(at(node), 'a link', node.url ?? '');
				break;
			case 'image':
				link(at(node), 'an image', node.url ?? '');
				return;
			case 'definition':
				link(at(node), `the link definition [${node.label ?? node.identifier ?? ''}]`, node.url ?? '');
				return;
			default:
				if (!MARKDOWN_NODES.has(node.type)) {
					notData(
						at(node),
						`the construct "${node.type}" is not plain Markdown.`,
						'Use Markdown, GFM tables and lists, or the allowed components.',
					);
					return;
				}
		}
		for (const child of node.children ?? []) visit(child);
	};
	visit(tree as unknown as Node);
	return findings;
}

/**
 * Cheap proof that a body holds nothing {@link treeSafety} could refuse, so most bodies need
 * no second parse: no `<`, `{`, `}`, `&` or `\` (no JSX, HTML, expression, entity or escape),
 * no control character, no line starting `import`/`export`, and no word ending in `script`,
 * `data` or `file` (nor any other scheme) followed by a colon. Without `<` and `\`, a Markdown
 * link destination holds no whitespace, so any scheme it has is written out plainly.
 */
function plainlySafe(body: string): boolean {
	if (/[<{}&\\\p{Cc}\p{Cf}]/u.test(body.replace(/\n/g, ''))) return false;
	if (/^\s*(?:import|export)\b/m.test(body)) return false;
	// A scheme in a link destination or a definition: "](scheme:" or "]: scheme:".
	for (const m of body.matchAll(/\]\(\s*([a-z][a-z0-9+.-]*):|\]:\s*([a-z][a-z0-9+.-]*):/gi)) {
		if (!SAFE_SCHEMES.has((m[1] ?? m[2])!.toLowerCase())) return false;
	}
	return true;
}

/**
 * A body the plain outliner accepts (plain-outline.ts) holds, outside code blocks and code spans,
 * only text, `**strong**`, list and table syntax, and links to https URLs, site paths or
 * anchors: no `<`, `{`, `}`, `&` or backslash, no import/export, no other link. That outliner
 * follows fences, lists and tables as the full parser does (it is checked against it), so such
 * a body is judged safe without the full parse, which costs most of a gate run when commands
 * in code blocks hold `<PLACEHOLDER>`s, `{label="x"}` selectors or line-continuing backslashes.
 * Images are left to the full parse.
 */
function plainOutlineSafe(body: string): boolean {
	return !body.includes('![') && plainOutline(body, 0) !== undefined;
}

/**
 * Parse and judge a body. Returns `undefined` when the body does not parse (the loader reports
 * that as content-mdx).
 */
export function bodySafety(body: string, options: BodySafetyOptions): SafetyFinding[] | undefined {
	if (plainlySafe(body)) return [];
	if (plainOutlineSafe(body)) return [];
	let tree: Root;
	try {
		tree = options.format === 'mdx' ? parseMdxTree(body) : markdown.parse(body);
	} catch {
		return undefined;
	}
	return treeSafety(tree, options);
}

/**
 * Frontmatter fields of a docs page that Starlight renders as HTML or into `<head>`: `head`
 * (any tag, scripts included), `hero.title`, `hero.tagline`, `hero.image.html` and
 * `banner.content`. Refused unless plain text; `hero.actions[].link` is checked like a link.
 */
export function docsFrontmatterSafety(data: unknown, positionOf: (path: string) => SourcePosition): SafetyFinding[] {
	const findings: SafetyFinding[] = [];
	if (typeof data !== 'object' || data === null) return findings;
	const d = data as Record<string, unknown>;
	const notData = (path: string, message: string, fix: string) => {
		const pos = positionOf(path);
		findings.push({ rule: 'content-not-data', line: pos.line, column: pos.column, message, fix });
	};
	if (Object.hasOwn(d, 'head'))
		notData(
			'head',
			'the frontmatter field head adds tags, scripts included, to the page’s <head>.',
			'Remove it: the site sets the page head.',
		);
	const plain = (path: string, value: unknown) => {
		if (typeof value === 'string' && /[<>&]/.test(value))
			notData(
				path,
				`${path} is rendered as HTML by Starlight, and this one holds markup.`,
				`Write ${path} as plain text, without <, > or &.`,
			);
	};
	const hero = d.hero as Record<string, unknown> | undefined;
	if (typeof hero === 'object' && hero !== null) {
		plain('hero.title', hero.title);
		plain('hero.tagline', hero.tagline);
		const image = hero.image as Record<string, unknown> | undefined;
		if (typeof image === 'object' && image !== null && Object.hasOwn(image, 'html'))
			notData('hero.image.html', 'hero.image.html is raw HTML put on the page.', 'Use hero.image.file instead.');
		if (Array.isArray(hero.actions))
			hero.actions.forEach((action, i) => {
				const url = (action as Record<string, unknown> | null)?.link;
				const scheme = typeof url === 'string' ? unsafeScheme(url) : undefined;
				if (!scheme) return;
				const pos = positionOf(`hero.actions[${i}].link`);
				findings.push({
					rule: 'unsafe-link',
					line: pos.line,
					column: pos.column,
					message: `hero.actions[${i}].link uses a ${scheme}: URL, which would run or open something other than a web page.`,
					fix: LINK_FIX,
				});
			});
	}
	const banner = d.banner as Record<string, unknown> | undefined;
	if (typeof banner === 'object' && banner !== null) plain('banner.content', banner.content);
	return findings;
}
