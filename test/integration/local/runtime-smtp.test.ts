import { connect } from 'node:net';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { DynamoEmailStore } from '#adapters/dynamodb/email-store.ts';
import { DynamoOrgStore } from '#adapters/dynamodb/org-store.ts';
import { startLocalRuntime } from '#lib/local/runtime.ts';
import { startSmtpListener } from '#lib/local/smtp-listener.ts';
import { stableId } from '#platform/security/ids.ts';
import { fixtureAuthorizer, fixtureHttp } from '#test/support/local-fixture-handlers/functions.ts';

function refusesConnections(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, host);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });
}

describe('the local runtime with smtpPort', () => {
  it('takes mail for an org on 127.0.0.1 into the runtime’s table, and stops listening on stop', async () => {
    const runtime = await startLocalRuntime({
      functions: [fixtureHttp, fixtureAuthorizer],
      schedules: false,
      smtpPort: 0,
    });
    const smtp = runtime.smtp;
    try {
      expect(smtp?.host).toBe('127.0.0.1');
      expect(smtp?.port).toBeGreaterThan(0);
      const table = runtime.resources.tables.main;
      await new DynamoOrgStore(table).create({
        orgId: 'acme',
        name: 'Acme',
        createdAt: '2026-11-28T10:00:00.000Z',
      });
      const mail = nodemailer.createTransport({
        host: smtp?.host,
        port: smtp?.port,
        secure: false,
        ignoreTLS: true,
      });
      const messageId = '<runtime-smtp-1@resident.example>';
      await mail.sendMail({
        from: 'ana@resident.example',
        to: 'acme@inbound.localhost',
        messageId,
        subject: 'Hi',
        text: 'Hello',
      });
      mail.close();
      expect(await new DynamoEmailStore(table).get('acme', stableId('em', 'acme', messageId))).toMatchObject({
        from: 'ana@resident.example',
        subject: 'Hi',
      });
      // A second listener on a port in use says which setting to change.
      await expect(
        startSmtpListener({ port: smtp?.port ?? 0, tableName: table, classifyQueueUrl: 'unused' }),
      ).rejects.toThrow(/inbound mail port 127\.0\.0\.1:\d+ is in use: set SMTP_PORT/);
    } finally {
      await runtime.stop();
    }
    expect(await refusesConnections(smtp?.host ?? '127.0.0.1', smtp?.port ?? 0)).toBe(true);
  });

  it('runs no listener without smtpPort', async () => {
    const runtime = await startLocalRuntime({
      functions: [fixtureHttp, fixtureAuthorizer],
      schedules: false,
    });
    try {
      expect(runtime.smtp).toBeUndefined();
    } finally {
      await runtime.stop();
    }
  });
});
