/**
 * Problems found while reading content files, before any coverage rule runs. Each has a
 * stable rule id (its page on the site) and the fix an author should make.
 */
export const LOAD_PROBLEMS = {
	'content-encoding': {
		title: 'File is not UTF-8',
		fix: 'Save the file as UTF-8 (without a byte-order mark is best).',
	},
	'content-empty': {
		title: 'File is empty',
		fix: 'Fill the file in, or delete it.',
	},
	'content-too-large': {
		title: 'File is too large',
		fix: 'Split the file; content files are kept under 1 MiB.',
	},
	'content-yaml': {
		title: 'YAML does not parse',
		fix: 'Correct the YAML syntax at this position (indentation, quotes, a missing colon).',
	},
	'content-frontmatter': {
		title: 'Frontmatter missing or unclosed',
		fix: 'Start the file with a line "---", the YAML frontmatter, then another line "---".',
	},
	'content-mdx': {
		title: 'MDX does not parse',
		fix: 'Correct the MDX at this position; a literal "{" or "<" in prose must be escaped as "\\{" or "&lt;".',
	},
	'content-not-data': {
		title: 'Content runs no code',
		fix: 'Remove the construct; content is data.',
	},
	'unsafe-link': {
		title: 'Links open web pages, never scripts',
		fix: 'Link to an https:// page instead; if the text is an example, put it in a code span.',
	},
	'content-schema': {
		title: 'Entry does not match its schema',
		fix: 'Correct the field as described; the schema and its examples are documented on the content-model page.',
	},
	'content-duplicate-id': {
		title: 'Two entries share an id',
		fix: 'Give each entry its own id.',
	},
} as const;

export type LoadProblemId = keyof typeof LOAD_PROBLEMS;
