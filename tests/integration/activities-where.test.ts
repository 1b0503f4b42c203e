import { useSeededTable } from '../support/table';
import { handlerApi } from '../support/api';
import { outreachBody, STAFF_SHUANGLIAO } from '../support/fixtures';

/**
 * Where (issue 15): villagers filter activities by their township, and 离我最近 sorts those with a map point by
 * distance from a rough position, the others following in start order.
 */
useSeededTable();
const api = handlerApi();
const TOWNSHIP = '测试镇（远近）';

async function publish(title: string, place: Record<string, unknown>): Promise<string> {
  const res = await api.call('POST', '/staff/activities', {
    ...STAFF_SHUANGLIAO,
    body: outreachBody({ title, place: { township: TOWNSHIP, address: '村委会', ...place } }),
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('where activities are', () => {
  it('filters by township, and sorts by distance with the unmapped ones after', async () => {
    // Around 双辽市 (43.52, 123.50): one at the centre, one ~11 km north, one with no map point.
    const far = await publish('远处的课', { latitude: 43.62, longitude: 123.5 });
    const none = await publish('没有坐标的课', {});
    const near = await publish('近处的课', { latitude: 43.52, longitude: 123.501 });

    const byTownship = await api.call('GET', '/activities', { query: { township: TOWNSHIP, limit: '50' } });
    expect(byTownship.status).toBe(200);
    expect(byTownship.body.items.map((a: { id: string }) => a.id).sort()).toEqual([far, none, near].sort());
    for (const a of byTownship.body.items) expect(a.place.township).toBe(TOWNSHIP);

    const sorted = await api.call('GET', '/activities', {
      query: { township: TOWNSHIP, near: '43.52,123.5', limit: '50' },
    });
    expect(sorted.body.items.map((a: { id: string }) => a.id)).toEqual([near, far, none]);
    const [first, second, third] = sorted.body.items;
    expect(first.distanceKm).toBeLessThan(1);
    expect(second.distanceKm).toBeGreaterThan(10);
    expect(second.distanceKm).toBeLessThan(12);
    expect(third.distanceKm).toBeUndefined();
  });

  it('pages the nearest list by position', async () => {
    const one = await api.call('GET', '/activities', { query: { near: '43.52,123.5', limit: '1' } });
    expect(one.body.items).toHaveLength(1);
    expect(one.body.nextCursor).toEqual(expect.any(String));
    const two = await api.call('GET', '/activities', {
      query: { near: '43.52,123.5', limit: '1', cursor: one.body.nextCursor },
    });
    expect(two.body.items[0].id).not.toBe(one.body.items[0].id);
    const bad = await api.call('GET', '/activities', { query: { near: '43.52,123.5', cursor: 'bm9wZQ' } });
    expect(bad.status).toBe(400);
  });

  it('refuses a position that is not one, with what to send', async () => {
    for (const near of ['north', '91,10', '43.5', '43.5,200']) {
      const res = await api.call('GET', '/activities', { query: { near } });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('INVALID_QUERY');
    }
  });
});
