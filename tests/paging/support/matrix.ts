/**
 * What the escalation matrix says, read straight from the content model, independently of
 * the export: the receivers the first level of a surface × severity names, in its order.
 * Receiver names follow the documented rule: `<team>[-<role>][-<via>]`, the way left out
 * when the receiver's first way is `page`.
 */
import type { ContentModel } from '../../../src/core/content/model.ts';

export function expectedFirstReceivers(model: ContentModel, surface: string, severity: string): string[] {
	const policy = model.escalation
		.find((e) => e.data.surface === surface)
		?.data.policies.find((p) => p.severity === severity);
	if (!policy) return [];
	const first = [...policy.levels].sort((a, b) => a.afterMinutes - b.afterMinutes)[0]!;
	const names: string[] = [];
	for (const ref of first.notify) {
		const [teamId, roleId] = ref.split('/');
		const team = model.teams.find((t) => t.data.id === teamId)?.data;
		const list = roleId === undefined ? team?.receivers : team?.roles.find((r) => r.id === roleId)?.receivers;
		const receiver = list?.find((r) => r.via.includes(first.via));
		if (!receiver) continue;
		const name = [teamId, roleId, receiver.via[0] === 'page' ? undefined : receiver.via[0]].filter(Boolean).join('-');
		if (!names.includes(name)) names.push(name);
	}
	return names;
}
