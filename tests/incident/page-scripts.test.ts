import { describe, expect, it } from 'vitest';
import { moduleImports, pageScripts } from '../../src/core/site/page-scripts.ts';

describe('what JavaScript a page ships', () => {
	it('counts module and classic scripts, not JSON data blocks', () => {
		const html =
			'<script type="module" src="/_astro/a.js"></script><script>var x=1</script><script type="application/json">{"a":1}</script><script is:inline>  </script>';
		expect(pageScripts(html)).toEqual({ external: ['/_astro/a.js'], inline: ['var x=1'] });
	});

	it('follows static and lazy imports of a bundled module', () => {
		expect(
			moduleImports(
				'import{a as b}from"./x.js";import"./side.js";const m=()=>import(`./lazy.js`);import e from "https://x/y.js"',
			),
		).toEqual(['./lazy.js', './side.js', './x.js']);
	});
});
