/** The shape of an outlined Markdown body, shared by the full parser and its fast path. */
export type Block =
	| { readonly type: 'list'; readonly ordered: boolean; readonly items: readonly string[]; readonly line: number }
	| { readonly type: 'paragraph'; readonly text: string; readonly line: number }
	| { readonly type: 'code'; readonly lang: string; readonly value: string; readonly line: number }
	| { readonly type: 'other'; readonly kind: string; readonly line: number };

export interface Section {
	readonly depth: number;
	readonly text: string;
	/** The anchor the site gives the heading (GitHub slugger, as Astro uses). */
	readonly slug: string;
	readonly line: number;
	readonly column: number;
	/** Blocks between this heading and the next heading of any depth. */
	readonly blocks: readonly Block[];
}

export interface Outline {
	readonly sections: readonly Section[];
}
