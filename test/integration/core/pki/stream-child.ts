// Child process of stream-200mb.test.ts (bundled by esbuild, run with plain node), so that its peak RSS
// is the library's alone: `seal` signs then encrypts a file to a package, `open` decrypts and verifies a
// package into a file, `idle` only loads the library (the baseline). Prints one JSON line.
import { createReadStream, createWriteStream, readFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { decrypt, encrypt, signAttached, verifyAttachedToFile } from '../../../../electron/core/pki';

interface Job {
  mode: 'seal' | 'open' | 'idle';
  input: string;
  output: string;
  keys: string; // JSON file: signer, recipient, trust anchor
  cipher?: 'aes-256-cbc' | 'aes-256-gcm';
}

/**
 * This process's peak RSS. Linux's VmHWM belongs to the address space, which exec replaces; getrusage's
 * maxrss would also count the parent's pages at fork time (a jest worker's few hundred MB).
 */
function peakRssKb(): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (match) return Number(match[1]);
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as Job;
  const keys = JSON.parse(readFileSync(job.keys, 'utf8')) as {
    signer: { certificatePem: string; privateKeyPem: string; chain: string[] };
    recipient: { certificatePem: string; privateKeyPem: string };
    anchor: string;
  };
  const started = process.hrtime.bigint();
  let result: unknown = null;
  if (job.mode === 'seal') {
    await pipeline(
      encrypt(
        signAttached(createReadStream(job.input), keys.signer),
        [{ certificate: keys.recipient.certificatePem }],
        {
          cipher: job.cipher,
        },
      ),
      createWriteStream(job.output),
    );
  } else if (job.mode === 'open') {
    result = await verifyAttachedToFile(
      decrypt(createReadStream(job.input), { privateKey: keys.recipient.privateKeyPem }),
      job.output,
      { trustAnchors: [keys.anchor] },
    );
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  process.stdout.write(`${JSON.stringify({ ms, maxRssKb: peakRssKb(), result })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
