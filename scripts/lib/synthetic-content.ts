/**
 * Synthetic content for the coverage-gate benchmark: N surfaces with M runbooks each, teams,
 * severities, escalation, comms, risks, a tabletop and a checklist, all passing the gate on
 * the given day. Deterministic: the same arguments write the same tree.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SyntheticOptions {
	readonly surfaces: number;
	readonly runbooksPerSurface: number;
	readonly teams: number;
	/** `YYYY-MM-DD` the content is fresh on. */
	readonly today: string;
}

const SEVERITIES = ['sev1', 'sev2', 'sev3', 'sev4'];
const PHASES = ['investigating', 'identified', 'monitoring', 'resolved'];
const AUDIENCES = ['status-page', 'customer-email', 'internal'];
const pad = (n: number, w = 4) => String(n).padStart(w, '0');

function write(root: string, path: string, text: string): void {
	const abs = join(root, path);
	mkdirSync(dirname(abs), { recursive: true });
	writeFileSync(abs, text);
}

function daysBefore(day: string, days: number): string {
	return new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function runbookBody(surface: string, rb: string, alert: string): string {
	return `
## Summary

Requests to ${surface} fail or slow down when ${rb} happens. Customers see errors in the integrations dashboard.

## Detection

The alert \`${alert}\` pages the on-call engineer. It also shows on the ${surface} dashboard.

## Diagnosis

1. Check the latest revision:

   \`\`\`sh
   gcloud run revisions list --service=${surface} --region=europe-west1 --limit=5
   \`\`\`

2. Read the error logs of the last 15 minutes:

   \`\`\`sh
   gcloud logging read 'resource.labels.service_name="${surface}" AND severity>=ERROR' --freshness=15m --limit=50
   \`\`\`

3. Compare the error rate with the previous deploy on the dashboard.

### Known causes

- A bad deploy of ${surface}.
- A dependency timing out.
- Quota exhaustion in europe-west1.

## Mitigation

Shift traffic back to the last good revision, then scale up if the backlog grows.

| Signal | Threshold | Action |
| --- | --- | --- |
| 5xx ratio | > 2 % for 5 min | roll back |
| p95 latency | > 800 ms | scale up |

## Rollback

1. Find the last good revision: \`gcloud run revisions list --service=${surface} --region=europe-west1\`.
2. Pin traffic to it: \`gcloud run services update-traffic ${surface} --to-revisions=${surface}-00041-abc=100 --region=europe-west1\`.
3. Watch the error ratio fall on the dashboard for 10 minutes.
4. Once fixed, return to the latest revision: \`gcloud run services update-traffic ${surface} --to-latest --region=europe-west1\`.

## Escalation

After 15 minutes without improvement, page the incident commander. Open a GCP support case at P2 when the GCP status page shows an incident.

## Communication

Use the status-page and internal templates for the severity declared. Update every 30 minutes.
`;
}

/** Write the synthetic tree under `root` (which must be empty or absent). */
export function writeSyntheticContent(root: string, o: SyntheticOptions): { files: number } {
	let files = 0;
	const put = (path: string, text: string) => {
		write(root, path, text);
		files++;
	};
	put(
		'launchbook.config.yaml',
		`site:\n  url: https://launchbook.example.com\n  organisation: Example Integrations\npolicy:\n  commsRequired:\n${SEVERITIES.map((s) => `    ${s}:\n      phases: [${PHASES.join(', ')}]\n      audiences: [${AUDIENCES.join(', ')}]\n`).join('')}`,
	);
	put(
		'content/severities.yaml',
		SEVERITIES.map(
			(s, i) =>
				`- id: ${s}\n  level: ${i + 1}\n  name: SEV${i + 1}\n  criteria: [Customers are affected at level ${i + 1}]\n  response: { acknowledgeMinutes: ${5 * (i + 1)}, incidentCommander: ${i < 2}, notify: page }\n  updateCadence: { internalMinutes: 30, customerMinutes: 60 }\n  commsApproval: Incident commander\n`,
		).join(''),
	);
	put(
		'content/vendors/gcp.yaml',
		'id: gcp\nname: Google Cloud\nkind: cloud\nstatusPage: https://status.cloud.google.com/\nsupport:\n  url: https://console.cloud.google.com/support\n  how: Open a case in the console.\n',
	);
	put(
		'content/teams/incident-command.yaml',
		'id: incident-command\nname: Incident Command\nkind: incident-command\ngithub: "@example-org/incident-command"\nchannel: "#incident-command"\npager: https://pager.example.com/ic\ncoverage: { hours: 24x7, timezones: [Europe/Dublin] }\nroles:\n  - { id: incident-commander, name: Incident commander, duties: Runs the incident., rotation: ic-primary, receivers: [{ kind: pagerduty, via: [page], routing_key_file: pagerduty/ic.key }] }\n',
	);
	for (let t = 0; t < o.teams; t++) {
		put(
			`content/teams/team-${pad(t, 3)}.yaml`,
			`id: team-${pad(t, 3)}\nname: Team ${t}\ngithub: "@example-org/team-${pad(t, 3)}"\nchannel: "#team-${pad(t, 3)}"\npager: https://pager.example.com/team-${pad(t, 3)}\ncoverage: { hours: 24x7, timezones: [Europe/Dublin] }\nreceivers: [{ kind: pagerduty, via: [page], routing_key_file: pagerduty/team-${pad(t, 3)}.key }]\n`,
		);
	}
	const reviewed = daysBefore(o.today, 10);
	for (let s = 0; s < o.surfaces; s++) {
		const id = `surface-${pad(s)}`;
		const team = `team-${pad(s % o.teams, 3)}`;
		const deps = ['gcp', ...(s > 0 ? [`surface-${pad(Math.floor(s / 2))}`] : [])].filter((d) => d !== id);
		const alerts: string[] = [];
		for (let r = 0; r < o.runbooksPerSurface; r++) {
			const rb = `failure-${r}`;
			const alert = `${id}-alert-${r}`;
			alerts.push(
				`  - id: ${alert}\n    name: Surface${pad(s)}Alert${r}\n    severity: ${SEVERITIES[r % SEVERITIES.length]}\n    link: https://console.cloud.google.com/monitoring/alerting/policies/${s}${r}\n    runbook: ${id}/${rb}#diagnosis\n    summary: Failure ${r} on ${id}.\n`,
			);
			put(
				`content/runbooks/${id}/${rb}.mdx`,
				`---\ntitle: ${id} failure ${r}\ndescription: Failure mode ${r} of ${id}.\nsurface: ${id}\nalerts: [${alert}]\nowner: ${team}\nlastReviewed: ${reviewed}\nreviewEvery: 90d\n---\n${runbookBody(id, rb, alert)}`,
			);
		}
		put(
			`content/surfaces/${id}.yaml`,
			`id: ${id}\nname: Surface ${s}\ndescription: Synthetic surface ${s}.\ntier: ${(s % 3) + 1}\nowner:\n  primary: ${team}\n  secondary: incident-command\nonCall: https://pager.example.com/schedules/${id}\ndependsOn: [${deps.join(', ')}]\ncodePaths: ["services/${id}/**"]\nregions: [europe-west1]\nalerts:\n${alerts.join('')}`,
		);
		put(
			`content/escalation/${id}.yaml`,
			`surface: ${id}\npolicies:\n${SEVERITIES.map((sev) => `  - severity: ${sev}\n    levels:\n      - { afterMinutes: 0, notify: [${team}], via: page }\n      - { afterMinutes: 15, notify: [incident-command/incident-commander], via: page }\n`).join('')}`,
		);
		if (s % 10 === 0) {
			put(
				`content/risks/risk-${pad(s)}.yaml`,
				`id: risk-${pad(s)}\ntitle: ${id} fails on launch day\nfailureMode: Requests fail.\nsurfaces: [${id}]\nlikelihood: possible\nimpact: major\ndetection:\n  alerts: [${id}-alert-0]\n  notes: The alert pages.\nmitigation: Roll back.\nowner: ${team}\nstatus: open\n`,
			);
		}
	}
	for (const phase of PHASES) {
		for (const audience of AUDIENCES) {
			put(
				`content/comms/${phase}-${audience}.mdx`,
				`---\ntitle: ${phase} for ${audience}\naudience: ${audience}\nphase: ${phase}\nseverities: [${SEVERITIES.join(', ')}]\n${audience === 'customer-email' ? 'subject: "Incident: {{surface}}"\n' : ''}message: "We are ${phase} an issue with {{surface}}."\nvariables:\n  - { name: surface, label: Surface, kind: surface }\napproval: Incident commander\n---\n\nSend this on the ${audience}.\n`,
			);
		}
	}
	const all = Array.from({ length: o.surfaces }, (_, s) => `surface-${pad(s)}`);
	put(
		'content/tabletops/synthetic-exercise.mdx',
		`---\ntitle: Synthetic exercise\ndate: ${daysBefore(o.today, 20)}\nscenario: Everything fails at once.\nsurfaces: [${all.join(', ')}]\nparticipants:\n  - { role: Incident commander, team: incident-command }\ntimeline:\n  - { at: "T+00:00", inject: Alerts fire., response: The on-call acknowledges. }\n---\n\nAll surfaces were exercised.\n`,
	);
	put(
		'content/checklist.yaml',
		'- id: gate-clean\n  item: The coverage gate reports no errors.\n  category: readiness\n  owner: incident-command\n  kind: derived\n  from: coverage-gate\n',
	);
	return { files };
}
