/**
 * The receivers teams declare (`receivers:` on a role or on the team), each with the name it
 * has in Alertmanager and Cloud Monitoring, and the lookup from an escalation level's
 * `notify` entry and `via` to the receiver that serves it. Pure.
 */
import type { Entry } from '../content/model.ts';
import type { Receiver, Via } from '../schemas/receiver.ts';
import type { Team } from '../schemas/team.ts';

export interface PagingReceiver {
	/** `<team>-<role>`, or `<team>-<role>-<via>` when its first `via` is not `page`; `<team>[-<via>]` for a team-wide receiver. */
	readonly name: string;
	readonly team: string;
	/** Undefined for a team-wide receiver. */
	readonly role: string | undefined;
	/** The roster reference it serves: `team/role` or `team`. */
	readonly ref: string;
	readonly spec: Receiver;
	/** Team file that declares it, and the dotted path of the declaration in it. */
	readonly file: string;
	readonly path: string;
	readonly entry: Entry<Team>;
}

/** The name a receiver has in Alertmanager: `billing-platform-primary-on-call`, `billing-platform-primary-on-call-chat`. */
export function receiverName(team: string, role: string | undefined, via: Via): string {
	return [team, role, via === 'page' ? undefined : via].filter((p) => p !== undefined).join('-');
}

/** Every declared receiver, teams in id order, each team's own receivers before its roles'. */
export function pagingReceivers(teams: readonly Entry<Team>[]): PagingReceiver[] {
	const out: PagingReceiver[] = [];
	const seenTeams = new Set<string>();
	for (const entry of [...teams].sort((a, b) => a.data.id.localeCompare(b.data.id))) {
		const team = entry.data;
		if (seenTeams.has(team.id)) continue;
		seenTeams.add(team.id);
		team.receivers.forEach((spec, i) => {
			out.push({
				name: receiverName(team.id, undefined, spec.via[0]!),
				team: team.id,
				role: undefined,
				ref: team.id,
				spec,
				file: entry.file,
				path: `receivers[${i}]`,
				entry,
			});
		});
		team.roles.forEach((role, r) => {
			role.receivers.forEach((spec, i) => {
				out.push({
					name: receiverName(team.id, role.id, spec.via[0]!),
					team: team.id,
					role: role.id,
					ref: `${team.id}/${role.id}`,
					spec,
					file: entry.file,
					path: `roles[${r}].receivers[${i}]`,
					entry,
				});
			});
		});
	}
	return out;
}

/** The receiver that reaches a roster reference (`team` or `team/role`) the given way, if one is declared. */
export function receiverFor(receivers: readonly PagingReceiver[], ref: string, via: Via): PagingReceiver | undefined {
	return receivers.find((r) => r.ref === ref && r.spec.via.includes(via));
}

/** What a receiver is, in words: "PagerDuty (routing key in pagerduty/x.key)". */
export function describeReceiver(spec: Receiver): string {
	switch (spec.kind) {
		case 'pagerduty':
			return `PagerDuty (routing key in ${spec.routing_key_file})`;
		case 'opsgenie':
			return `Opsgenie (API key in ${spec.api_key_file})`;
		case 'slack':
			return `Slack ${spec.channel} (webhook URL in ${spec.api_url_file})`;
		case 'webhook':
			return `webhook ${spec.url} (token in ${spec.credentials_file})`;
		case 'email':
			return `e-mail to ${spec.to}`;
	}
}

/** The integration's name as responders know it. */
export const KIND_LABEL: Readonly<Record<Receiver['kind'], string>> = {
	pagerduty: 'PagerDuty',
	opsgenie: 'Opsgenie',
	slack: 'Slack',
	webhook: 'webhook',
	email: 'e-mail',
};
