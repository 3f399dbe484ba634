/** Paths the alert tests share. */
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
export const FIXTURE_ROOT = join(REPO, 'tests/fixtures/alerts/content-root');
export const FOREIGN_DIR = join(REPO, 'tests/fixtures/alerts/foreign');
export const GOLDEN_DIR = join(REPO, 'tests/alerts/golden');
/** Node 24 from node_modules, the one the npm scripts run. */
export const NODE = process.execPath;
