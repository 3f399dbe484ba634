/**
 * Alert queries and templates load in Prometheus: each PromQL `query.expr` parses with the real
 * grammar and passes Prometheus's checks after parsing, and each `summary` (and the surface
 * name, which the exported `description` carries) is a valid Go template. What
 * `promtool check rules` would reject in the export, the gate reports first, at the alert.
 */
import { checkGoTemplate } from '../alerts/go-template.ts';
import { checkPromql } from '../alerts/promql-check.ts';
import type { RuleContext } from './context.ts';

const TEMPLATE_FIX =
	'Prometheus reads annotations as Go templates: close every "{{" with "}}", balance if/range/with with end, use only $labels, $value and Prometheus template functions, or write a literal brace as {{ "{{" }}.';

export function checkAlertQueries(ctx: RuleContext): void {
	for (const surface of ctx.model.surfaces) {
		let promql = false;
		surface.data.alerts.forEach((alert, i) => {
			const summary = checkGoTemplate(alert.summary);
			if (summary) {
				ctx.at(
					'alert-template',
					surface,
					`alerts[${i}].summary`,
					`the summary of alert "${alert.id}" is not a valid template: ${summary.message} at character ${summary.offset + 1}.`,
					TEMPLATE_FIX,
				);
			}
			if (alert.query?.language !== 'promql') return;
			promql = true;
			const tools = ctx.options.promql?.();
			if (!tools) return;
			const problem = checkPromql(alert.query.expr, tools);
			if (problem) {
				ctx.at(
					'alert-promql',
					surface,
					`alerts[${i}].query.expr`,
					`the PromQL of alert "${alert.id}" ${problem.message}.`,
					'Correct the expression; try it in the Prometheus expression browser, or run npm run alerts:export and promtool check rules on the export.',
				);
			}
		});
		const name = promql ? checkGoTemplate(surface.data.name) : undefined;
		if (name) {
			ctx.at(
				'alert-template',
				surface,
				'name',
				`the name of surface "${surface.data.id}" goes into its alerts' description and is not a valid template: ${name.message} at character ${name.offset + 1}.`,
				TEMPLATE_FIX,
			);
		}
	}
}
