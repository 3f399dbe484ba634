/**
 * Certificates made at test time with the real `openssl`: a test CA, and leaf certificates
 * with chosen validity windows (via `openssl ca -startdate/-enddate`, so they can start in
 * the past), chosen names, or self-signed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Pem {
	readonly key: string;
	readonly cert: string;
}

const DAY = 86_400_000;

/** openssl's ASN.1 time: YYYYMMDDHHMMSSZ. */
function asn1(date: Date): string {
	return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}

export class TestPki {
	readonly dir: string;
	readonly ca: Pem;
	private readonly openssl: string;
	private serial = 1;

	constructor(openssl: string) {
		this.openssl = openssl;
		this.dir = mkdtempSync(join(tmpdir(), 'launchbook-pki-'));
		mkdirSync(join(this.dir, 'newcerts'));
		writeFileSync(join(this.dir, 'index.txt'), '');
		writeFileSync(join(this.dir, 'serial'), '1000\n');
		writeFileSync(
			join(this.dir, 'ca.cnf'),
			[
				'[ ca ]',
				'default_ca = test_ca',
				'[ test_ca ]',
				`dir = ${this.dir}`,
				`database = ${join(this.dir, 'index.txt')}`,
				`new_certs_dir = ${join(this.dir, 'newcerts')}`,
				`serial = ${join(this.dir, 'serial')}`,
				'default_md = sha256',
				'policy = any_policy',
				'copy_extensions = copy',
				'unique_subject = no',
				'[ any_policy ]',
				'commonName = supplied',
				'',
			].join('\n'),
		);
		this.run([
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-keyout',
			'ca.key',
			'-out',
			'ca.pem',
			'-days',
			'3650',
			'-subj',
			'/CN=Launchbook Test CA',
			'-addext',
			'basicConstraints=critical,CA:TRUE',
			'-addext',
			'keyUsage=critical,keyCertSign,cRLSign',
		]);
		this.ca = { key: this.read('ca.key'), cert: this.read('ca.pem') };
	}

	private run(args: string[]): void {
		execFileSync(this.openssl, args, { cwd: this.dir, stdio: ['ignore', 'ignore', 'pipe'], timeout: 20_000 });
	}

	private read(name: string): string {
		return readFileSync(join(this.dir, name), 'utf8');
	}

	/** A leaf signed by the test CA for `names`, valid from `now + fromDays` to `now + toDays`. */
	leaf(names: readonly string[], fromDays: number, toDays: number, now = new Date()): Pem {
		const id = `leaf${this.serial++}`;
		const san = names.map((n) => (/^\d+\.\d+\.\d+\.\d+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',');
		this.run([
			'req',
			'-new',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-keyout',
			`${id}.key`,
			'-out',
			`${id}.csr`,
			'-subj',
			`/CN=${names[0]}`,
			'-addext',
			`subjectAltName=${san}`,
		]);
		this.run([
			'ca',
			'-batch',
			'-config',
			'ca.cnf',
			'-cert',
			'ca.pem',
			'-keyfile',
			'ca.key',
			'-in',
			`${id}.csr`,
			'-out',
			`${id}.pem`,
			'-notext',
			'-startdate',
			asn1(new Date(now.getTime() + fromDays * DAY)),
			'-enddate',
			asn1(new Date(now.getTime() + toDays * DAY)),
		]);
		return { key: this.read(`${id}.key`), cert: this.read(`${id}.pem`) };
	}

	/** A self-signed certificate for `name`. */
	selfSigned(name: string, days: number): Pem {
		const id = `self${this.serial++}`;
		this.run([
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-keyout',
			`${id}.key`,
			'-out',
			`${id}.pem`,
			'-days',
			String(days),
			'-subj',
			`/CN=${name}`,
			'-addext',
			`subjectAltName=DNS:${name}`,
		]);
		return { key: this.read(`${id}.key`), cert: this.read(`${id}.pem`) };
	}

	dispose(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}
