import { issueToken, verifyToken } from '../../functions/lib/auth';
import { maskPhone, redact } from '../../functions/lib/log';
import { DomainError } from '../../functions/domain/errors';

const secret = 'unit-test-secret-0123456789abcdef';

describe('tokens', () => {
  it('round-trips the user and roles', () => {
    const { token } = issueToken({ sub: 'alice', roles: ['user'], stg: 'local' }, secret, 60);
    expect(verifyToken(token, secret, 'local')).toEqual({
      userId: 'alice',
      roles: ['user'],
      issuedAt: expect.any(Number),
    });
  });

  it('rejects a forged signature, another stage, and an expired token', () => {
    const { token } = issueToken({ sub: 'alice', roles: ['user'], stg: 'local' }, secret, 60);
    const [v, payload] = token.split('.');
    const forgedPayload = Buffer.from(
      JSON.stringify({ sub: 'admin', roles: ['admin'], stg: 'local', iat: 0, exp: 9e9 }),
    ).toString('base64url');
    expect(() => verifyToken(`${v}.${forgedPayload}.${token.split('.')[2]}`, secret, 'local')).toThrow(
      DomainError,
    );
    expect(() => verifyToken(`${v}.${payload}.AAAA`, secret, 'local')).toThrow(DomainError);
    expect(() => verifyToken(token, 'another-secret-0123456789abcdef', 'local')).toThrow(DomainError);
    expect(() => verifyToken(token, secret, 'prod')).toThrow(DomainError);
    const old = issueToken(
      { sub: 'alice', roles: ['user'], stg: 'local' },
      secret,
      60,
      Date.now() - 120_000,
    ).token;
    let code = '';
    try {
      verifyToken(old, secret, 'local');
    } catch (err) {
      code = (err as DomainError).code;
    }
    expect(code).toBe('TOKEN_EXPIRED');
  });
});

describe('log redaction', () => {
  it('masks phone numbers wherever they appear and names by key', () => {
    expect(maskPhone('call 13800138000 now')).toBe('call 138****8000 now');
    const out = JSON.stringify(
      redact({
        attendee: { name: '王秀兰', phone: '13800138000' },
        note: 'tel 13912345678',
        authorization: 'Bearer x',
      }),
    );
    expect(out).not.toContain('13800138000');
    expect(out).not.toContain('13912345678');
    expect(out).not.toContain('秀兰');
    expect(out).not.toContain('Bearer x');
    expect(out).toContain('138****8000');
  });
});
