/**
 * Reading authored files safely: a folder is listed without following any link, and a file
 * is read only when it is a regular file (never through a symbolic link, never a named pipe
 * that would block for ever, never a folder). Whatever is refused comes back as a
 * {@link Refusal} naming why, so callers report it as a finding instead of throwing.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readFileSync, type Stats } from 'node:fs';
import { join } from 'node:path';

export type RefusalKind = 'symlink' | 'folder' | 'special' | 'unreadable' | 'too-large' | 'too-deep';

export interface Refusal {
	readonly kind: RefusalKind;
	/** What the path is or why it cannot be read, as the end of a sentence: `a named pipe (FIFO)`, `EACCES: permission denied`. */
	readonly detail: string;
	/** The file's size in bytes, for `too-large`. */
	readonly size?: number;
}

export interface Inventory {
	/** Regular files, relative to the listed folder, with forward slashes, sorted. */
	readonly files: readonly string[];
	/** Everything that is not a regular file or a folder, and folders that look like files or lie too deep. */
	readonly refused: readonly { readonly path: string; readonly refusal: Refusal }[];
}

/** Nested folders deeper than this are not listed: no content layout needs them. */
export const MAX_FOLDER_DEPTH = 16;

const ERROR_TEXT: Record<string, string> = {
	EACCES: 'permission denied',
	EPERM: 'operation not permitted',
	EIO: 'input/output error',
	ENOENT: 'it disappeared while being read',
	ENAMETOOLONG: 'the name is too long',
	EMFILE: 'too many open files',
};

function describeError(error: unknown): string {
	const code = (error as NodeJS.ErrnoException)?.code;
	if (typeof code === 'string') return `${code}: ${ERROR_TEXT[code] ?? 'the system refused to read it'}`;
	return 'the system refused to read it';
}

function specialKind(st: Pick<Stats, 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'>): string {
	if (st.isFIFO()) return 'a named pipe (FIFO)';
	if (st.isSocket()) return 'a socket';
	if (st.isBlockDevice() || st.isCharacterDevice()) return 'a device';
	return 'not a regular file';
}

/**
 * List `dir` recursively without following links. `looksLikeFile` names folders that are
 * refused because a reader would take them for files (`x.yaml/`); they are not entered.
 * Returns an empty inventory when `dir` does not exist.
 */
export function listTree(dir: string, looksLikeFile: (name: string) => boolean = () => false): Inventory {
	const files: string[] = [];
	const refused: { path: string; refusal: Refusal }[] = [];
	const stack: { rel: string; depth: number }[] = [{ rel: '', depth: 0 }];
	while (stack.length > 0) {
		const { rel, depth } = stack.pop()!;
		let entries;
		try {
			entries = readdirSync(rel === '' ? dir : join(dir, rel), { withFileTypes: true });
		} catch (error) {
			if (rel === '' && (error as NodeJS.ErrnoException).code === 'ENOENT') break;
			refused.push({ path: rel, refusal: { kind: 'unreadable', detail: describeError(error) } });
			continue;
		}
		for (const entry of entries) {
			const path = rel === '' ? entry.name : `${rel}/${entry.name}`;
			// Some file systems do not report the type in the listing: ask without following links.
			let st: Pick<
				Stats,
				'isFile' | 'isDirectory' | 'isSymbolicLink' | 'isFIFO' | 'isSocket' | 'isBlockDevice' | 'isCharacterDevice'
			> = entry;
			if (!entry.isFile() && !entry.isDirectory() && !entry.isSymbolicLink() && !entry.isFIFO() && !entry.isSocket()) {
				try {
					st = lstatSync(join(dir, path));
				} catch (error) {
					refused.push({ path, refusal: { kind: 'unreadable', detail: describeError(error) } });
					continue;
				}
			}
			if (st.isSymbolicLink()) refused.push({ path, refusal: { kind: 'symlink', detail: 'a symbolic link' } });
			else if (st.isFile()) files.push(path);
			else if (st.isDirectory()) {
				if (looksLikeFile(entry.name)) refused.push({ path, refusal: { kind: 'folder', detail: 'a folder' } });
				else if (depth + 1 > MAX_FOLDER_DEPTH)
					refused.push({
						path,
						refusal: { kind: 'too-deep', detail: `nested more than ${MAX_FOLDER_DEPTH} folders deep` },
					});
				else stack.push({ rel: path, depth: depth + 1 });
			} else refused.push({ path, refusal: { kind: 'special', detail: specialKind(st) } });
		}
	}
	const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
	return { files: files.sort(), refused: refused.sort(byPath) };
}

/**
 * Read a regular file whole, or say why not. The last path component is never followed when
 * it is a link (`followLink` allows it for a path a user named on the command line), and a
 * named pipe is opened without blocking, seen for what it is, and refused.
 */
export function readRegularFile(
	abs: string,
	maxBytes: number,
	options: { followLink?: boolean } = {},
): { bytes: Buffer } | { refusal: Refusal } {
	let fd: number;
	try {
		const flags = constants.O_RDONLY | constants.O_NONBLOCK | (options.followLink ? 0 : constants.O_NOFOLLOW);
		fd = openSync(abs, flags);
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ELOOP' && !options.followLink) {
			return { refusal: { kind: 'symlink', detail: 'a symbolic link' } };
		}
		if (code === 'ELOOP') return { refusal: { kind: 'symlink', detail: 'a symbolic link that loops' } };
		if (code === 'EISDIR') return { refusal: { kind: 'folder', detail: 'a folder' } };
		if (code === 'ENXIO') return { refusal: { kind: 'special', detail: 'a socket or device' } };
		return { refusal: { kind: 'unreadable', detail: describeError(error) } };
	}
	try {
		const st = fstatSync(fd);
		if (st.isDirectory()) return { refusal: { kind: 'folder', detail: 'a folder' } };
		if (!st.isFile()) return { refusal: { kind: 'special', detail: specialKind(st) } };
		if (st.size > maxBytes) return { refusal: { kind: 'too-large', detail: `${st.size} bytes`, size: st.size } };
		return { bytes: readFileSync(fd) };
	} catch (error) {
		return { refusal: { kind: 'unreadable', detail: describeError(error) } };
	} finally {
		closeSync(fd);
	}
}
