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
	'content-symlink': {
		title: 'Content file is a symbolic link',
		fix: 'Replace the link with the file itself (move or copy the real file to this path), or delete it.',
	},
	'content-not-a-file': {
		title: 'Content path is not a regular file',
		fix: 'Replace it with a regular file, or delete it.',
	},
	'content-unreadable': {
		title: 'Content file cannot be read',
		fix: 'Make the file readable by whoever runs the check and the build (for example chmod 644), or delete it.',
	},
	'content-too-deep': {
		title: 'Content nested too deep',
		fix: 'Flatten the structure: no content needs lists, quotes or mappings nested this deep.',
	},
	'content-path-id': {
		title: 'File name is not a valid id',
		fix: 'Rename the file (and its folder) to lower-case ASCII letters, digits and single hyphens.',
	},
	'content-duplicate-id': {
		title: 'Two entries share an id',
		fix: 'Give each entry its own id.',
	},
} as const;

export type LoadProblemId = keyof typeof LOAD_PROBLEMS;
