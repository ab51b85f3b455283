import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableId } from '#platform/security/ids.ts';
import { eventually, type LocalProcess, removeDir, startLocalProcess } from '#test/support/local-process.ts';

const API_KEY = 'e2e-inbound-api-key-not-a-real-secret';

let local: LocalProcess & { dataDir: string };

beforeAll(async () => {
  local = await startLocalProcess({ AICTIVE_DEV_API_KEY: API_KEY });
});
afterAll(async () => {
  await local?.stop();
  if (local) await removeDir(local.dataDir);
});

describe('npm start’s inbound mail', () => {
  it('prints the SMTP address, and a message to demo@inbound.localhost is stored and triaged like a POSTed one', async () => {
    const match = /Inbound mail\s+smtp:\/\/(127\.0\.0\.1):(\d+)\s+\(to demo@inbound\.localhost/.exec(
      local.output(),
    );
    expect(match).not.toBeNull();
    const mail = nodemailer.createTransport({
      host: match?.[1],
      port: Number(match?.[2]),
      secure: false,
      ignoreTLS: true,
    });
    const messageId = '<e2e-inbound-1@resident.example>';
    try {
      await mail.sendMail({
        from: 'ana.ruiz@resident.example',
        to: 'demo@inbound.localhost',
        messageId,
        subject: 'Water leaking from the ceiling',
        text: 'Water is dripping from the bathroom ceiling in unit 4B.',
      });
    } finally {
      mail.close();
    }
    const emailId = stableId('em', 'demo', messageId);
    const email = await eventually(async () => {
      const response = await fetch(`${local.url}/v1/emails/${emailId}`, {
        headers: { Authorization: `Bearer ${API_KEY}` },
      });
      const body = (await response.json()) as { status?: string; triage?: unknown };
      return response.status === 200 && body.triage ? body : undefined;
    });
    expect(email).toMatchObject({ emailId, from: 'ana.ruiz@resident.example', channel: 'email' });
    expect(email.status).not.toBe('received');
  });
});
