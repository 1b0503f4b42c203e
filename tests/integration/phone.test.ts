import { useFreshTable } from '../support/table';
import { handlerApi } from '../support/api';
import { freshMinute } from '../support/fixtures';
import { json, startWechatStandIn } from '../support/wechat-stand-in';

/**
 * 使用微信手机号 (issue 15): the app sends the getPhoneNumber button's code, the server exchanges it with WeChat
 * (phonenumber.getuserphonenumber, against a stand-in here, as login is tested) and answers the number to
 * pre-fill the form. Nothing is stored.
 */
let table: Awaited<ReturnType<typeof useFreshTable>>;
const api = handlerApi();
let wechat: Awaited<ReturnType<typeof startWechatStandIn>>;

beforeAll(async () => {
  wechat = await startWechatStandIn({
    '/wxa/business/getuserphonenumber': (call, res) => {
      if (call.body.code === 'phone-code-ok-0001') {
        return json(res, {
          errcode: 0,
          errmsg: 'ok',
          phone_info: {
            phoneNumber: '+86 13604341234',
            purePhoneNumber: '13604341234',
            countryCode: 86,
            watermark: { timestamp: 1637744274, appid: 'wx-test-app' },
          },
        });
      }
      if (call.body.code === 'phone-code-busy-0001')
        return json(res, { errcode: -1, errmsg: 'system error' });
      json(res, { errcode: 40029, errmsg: 'invalid code' });
    },
  });
  Object.assign(process.env, wechat.env);
  table = await useFreshTable();
});

afterAll(async () => {
  await wechat.close();
  await table.drop();
});

describe('POST /me/phone', () => {
  it('answers the number WeChat gives for the code, with the server’s access token, and stores nothing', async () => {
    const before = (await table.scan()).filter((i) => !String(i.PK).startsWith('RATE#')).length;
    const res = await api.call('POST', '/me/phone', {
      user: 'senior-phone',
      body: { code: 'phone-code-ok-0001' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ phone: '13604341234' });
    const call = wechat.calls.find((c) => c.path === '/wxa/business/getuserphonenumber');
    expect(call).toMatchObject({ token: 'token-for-tests', body: { code: 'phone-code-ok-0001' } });
    const after = await table.scan();
    expect(after.filter((i) => !String(i.PK).startsWith('RATE#'))).toHaveLength(before);
    expect(JSON.stringify(after)).not.toContain('13604341234');
  });

  it('a used or invalid code is 400 with a way forward; WeChat being busy is 502', async () => {
    const used = await api.call('POST', '/me/phone', {
      user: 'senior-phone-2',
      body: { code: 'phone-code-used-01' },
    });
    expect(used.status).toBe(400);
    expect(used.body.error).toMatchObject({
      code: 'INVALID_PHONE_CODE',
      message: expect.stringContaining('直接输入'),
    });
    const busy = await api.call('POST', '/me/phone', {
      user: 'senior-phone-2',
      body: { code: 'phone-code-busy-0001' },
    });
    expect(busy.status).toBe(502);
    expect(busy.body.error.code).toBe('WECHAT_UNAVAILABLE');
  });

  it('needs a login, a code of the right shape, and is limited to a few tries a minute', async () => {
    expect((await api.call('POST', '/me/phone', { body: { code: 'phone-code-ok-0001' } })).status).toBe(401);
    expect((await api.call('POST', '/me/phone', { user: 'u', body: { code: '<x>' } })).status).toBe(400);
    await freshMinute();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (
          await api.call('POST', '/me/phone', {
            user: 'senior-phone-3',
            body: { code: 'phone-code-ok-0001' },
          })
        ).status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });
});
