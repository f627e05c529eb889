import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh self-signed certificate and key from openssl, as PEM text (key then certificate, as people store it). */
export function createTestCertificate(): { pem: string; certificatePem: string } {
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
        '-nodes',
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
      },
    );
    const certificatePem = readFileSync(certificate, 'utf8');
    return { pem: readFileSync(key, 'utf8') + certificatePem, certificatePem };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
