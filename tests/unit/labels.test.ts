/**
 * One table of labels per kind (shared/schemas): the roster CSV, WeChat's messages and error answers show
 * the words the app shows, and a refusal's extra details never replace its code or message.
 */
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { newActivityRecord } from '../../functions/domain/activities/activity';
import { rosterCsv } from '../../functions/domain/activities/activities';
import { DomainError } from '../../functions/domain/errors';
import type { SignupRecord } from '../../shared/schemas/signup';
import { messageContent } from '../../functions/domain/messaging/reminders';
import { httpHandler } from '../../functions/lib/http';
import { ROUTES } from '../../shared/routes';
import { ACTIVITY_KINDS, ACTIVITY_KIND_LABELS } from '../../shared/schemas/activity';
import { SIGNUP_STATUSES, SIGNUP_STATUS_LABELS } from '../../shared/schemas/signup';
import { httpEvent } from '../support/events';

test('the roster CSV labels every sign-up status as the app does, never with the English code', () => {
  const csv = rosterCsv(
    SIGNUP_STATUSES.map((status, i) => ({
      id: `s-${i}`,
      activityId: 'act-1',
      userId: `u-${i}`,
      status,
      attendee: { name: `参加人${i}`, phone: `1380000000${i}` },
      createdAt: '2026-12-01T09:00:00+08:00',
      updatedAt: '2026-12-01T09:00:00+08:00',
      checkInCount: 0,
    })),
  );
  const statusCells = csv
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.split(',')[3]);
  expect(statusCells).toEqual(SIGNUP_STATUSES.map((s) => SIGNUP_STATUS_LABELS[s]));
  for (const status of SIGNUP_STATUSES) expect(csv).not.toContain(`,${status},`);
});

test('a WeChat message names the activity kind with the label the app shows', () => {
  for (const kind of ACTIVITY_KINDS) {
    const activity = newActivityRecord(
      {
        kind,
        title: '示例活动',
        description: '',
        schoolId: 'lishu-vocational',
        county: '梨树县',
        place: { township: '梨树镇', address: '职教中心' },
        startsAt: '2027-03-02T09:00:00+08:00',
        endsAt: '2027-03-02T10:30:00+08:00',
        capacity: 30,
        signupOpensAt: '2027-02-01T08:00:00+08:00',
        signupClosesAt: '2027-02-20T18:00:00+08:00',
      },
      { id: 'act-1', createdBy: 't', now: 0 },
    );
    const signup = {
      id: 's-1',
      activityId: 'act-1',
      status: 'confirmed',
      attendee: { name: '张桂兰', phone: '13800138000' },
    } as SignupRecord;
    const { data } = messageContent('reminder-24h', activity, signup);
    expect(data.thing6.value).toBe(ACTIVITY_KIND_LABELS[kind]);
  }
});

test('a refusal’s details cannot overwrite its code or message', async () => {
  Object.assign(process.env, {
    STAGE: 'test',
    TABLE_NAME: 'unit-labels',
    TOKEN_SECRET: 'unit-test-secret-0123456789abcdef',
    LOG_LEVEL: 'error',
  });
  const handler = httpHandler(ROUTES['POST /auth/login'], async () => {
    throw new DomainError('DUPLICATE_SIGNUP', {
      details: { code: 'SOMETHING_ELSE', message: 'overwritten', seatsLeft: 0 },
    });
  });
  const res = (await handler(
    httpEvent({ method: 'POST', path: '/auth/login', body: { code: 'dev:someone' } }),
  )) as APIGatewayProxyStructuredResultV2;
  const body = JSON.parse(String(res.body)) as { error: Record<string, unknown> };
  expect(res.statusCode).toBe(409);
  expect(body.error).toMatchObject({ code: 'DUPLICATE_SIGNUP', seatsLeft: 0 });
  expect(body.error.message).toMatch(/[\u4e00-\u9fa5]/);
  expect(body.error.message).not.toBe('overwritten');
});
