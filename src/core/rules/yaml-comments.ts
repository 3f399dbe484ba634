/** A text value that a same-line YAML comment cut short (`… note in #billing-oncall` reads "… note in"). */
import type { RuleContext } from './context.ts';

export function checkYamlComments(ctx: RuleContext): void {
	for (const cut of ctx.model.cutText ?? []) {
		const field = cut.field.replace(/^\[\d+\]\./, '');
		const shown = cut.value.length > 40 ? `…${cut.value.slice(-40)}` : cut.value;
		ctx.report(
			'yaml-comment-cuts-text',
			cut.file,
			cut.position,
			`the text of "${field}" ends at "${shown}": the " #${cut.comment}" after it is a YAML comment, not part of the value.`,
			`Put the whole value in double quotes so "#" is part of the text (${lastKey(field)}: "${shown} #${cut.comment}"), or move the comment to a line of its own if it is meant as one.`,
		);
	}
}

function lastKey(field: string): string {
	const m = /([^.[\]]+)(?:\[\d+\])*$/.exec(field);
	return m ? m[1]! : field;
}
