/**
 * The environment the site build gets: the caller's, without anything that looks like a secret.
 * Content is rendered by the build, so the build must hold nothing content could leak.
 */

/** Names that hold secrets: any *_TOKEN, *_SECRET, *_PASSWORD, *_KEY (API_KEY, PRIVATE_KEY…), credentials, auth. */
const SECRET_NAME =
	/(^|_)(TOKEN|TOKENS|SECRET|SECRETS|PASSWORD|PASSWD|PASS|CREDENTIAL|CREDENTIALS|KEY|APIKEY|AUTH|AUTHORIZATION|COOKIE|SESSION|PAT|DSN|WEBHOOK_URL)($|_)/i;

/** Names GitHub Actions and npm use for credentials whatever their shape. */
const SECRET_PREFIX =
	/^(ACTIONS_RUNTIME_|ACTIONS_ID_TOKEN_|ACTIONS_CACHE_URL$|NPM_CONFIG__AUTH|NPM_CONFIG_\/\/|GOOGLE_APPLICATION_CREDENTIALS$)/i;

/** Values shaped like GitHub tokens, whatever the variable is called. */
const TOKEN_VALUE = /^(gh[pousr]_[A-Za-z0-9_]{20,}|github_pat_[A-Za-z0-9_]{20,})$/;

export function isSecretName(name: string): boolean {
	return SECRET_NAME.test(name) || SECRET_PREFIX.test(name);
}

/** `env` without secret-looking variables (by name, or a GitHub-token-shaped value); returns the names it dropped, never their values. */
export function buildEnvironment(env: NodeJS.ProcessEnv): { env: Record<string, string>; dropped: string[] } {
	const out: Record<string, string> = {};
	const dropped: string[] = [];
	for (const [name, value] of Object.entries(env)) {
		if (value === undefined) continue;
		if (isSecretName(name) || TOKEN_VALUE.test(value.trim())) dropped.push(name);
		else out[name] = value;
	}
	return { env: out, dropped: dropped.sort() };
}
