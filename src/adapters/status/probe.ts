/** Runs the probe that fits a check's kind. */
import type { ProbeOutcome } from '../../core/status/probe-outcome.ts';
import type { StatusCheck } from '../../core/schemas/status-check.ts';
import { probeGcpIncidents } from './gcp-incidents-probe.ts';
import { probeGithubIncidents } from './github-incidents-probe.ts';
import { probeGithubWorkflow } from './github-workflow-probe.ts';
import { probeHttp } from './http-probe.ts';
import type { ProbeContext } from './probe-context.ts';
import { probePrometheus } from './prometheus-probe.ts';
import { probeTls } from './tls-probe.ts';

export function probeCheck(check: StatusCheck, ctx: ProbeContext): Promise<ProbeOutcome> {
	switch (check.kind) {
		case 'github-workflow':
			return probeGithubWorkflow(check, ctx);
		case 'github-incidents':
			return probeGithubIncidents(check, ctx);
		case 'http':
			return probeHttp(check, ctx);
		case 'tls':
			return probeTls(check, ctx);
		case 'prometheus':
			return probePrometheus(check, ctx);
		case 'gcp-incidents':
			return probeGcpIncidents(check, ctx);
	}
}
