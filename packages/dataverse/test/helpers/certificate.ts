import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A fresh self-signed certificate and key from openssl, as PEM text (key then certificate, as people
 * store it). With a password, the key is encrypted with it (PKCS#8, "ENCRYPTED PRIVATE KEY").
 */
export function createTestCertificate(options: { password?: string } = {}): {
  pem: string;
  certificatePem: string;
} {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'cert-'));
  try {
    const key = path.join(folder, 'key.pem');
    const certificate = path.join(folder, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        // The password goes by the environment, not the command line.
        ...(options.password === undefined ? ['-nodes'] : ['-passout', 'env:TEST_KEY_PASSWORD']),
        '-keyout',
        key,
        '-out',
        certificate,
        '-days',
        '2',
        '-subj',
        '/CN=connector-alm-test',
      ],
      {
        stdio: 'ignore',
        env: { ...process.env, TEST_KEY_PASSWORD: options.password ?? '' },
      },
    );
    const certificatePem = readFileSync(certificate, 'utf8');
    return { pem: readFileSync(key, 'utf8') + certificatePem, certificatePem };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * The PEM text with the first line of one block's base64 blanked to A's: the block's markers are
 * intact (so it looks like PEM), its content is no longer the DER it was.
 */
export function damagePemBlock(pem: string, block: 'CERTIFICATE' | 'PRIVATE KEY'): string {
  const begin = new RegExp(`-----BEGIN [A-Z ]*${block}-----\\r?\\n`).exec(pem);
  if (!begin) throw new Error(`No ${block} block to damage.`);
  const start = begin.index + begin[0].length;
  const end = pem.indexOf('\n', start);
  return `${pem.slice(0, start)}${'A'.repeat(end - start)}${pem.slice(end)}`;
}
