import { toIso } from '../../../shared/time';
import { DomainError } from '../../../functions/domain/errors';
import type { ActivityQuery, ActivityStore } from '../../../functions/domain/activities/ports';
import type { ActivityRecord } from '../../../shared/schemas/activity';
import { byTime, decodeCursor, encodeCursor, keys, partitions } from '../../../functions/store/keys';
import {
  auditStep,
  conditionFailed,
  copy,
  numberField,
  transact,
  turn,
  type Item,
  type MemoryTable,
  type Step,
} from './table';

/** The cursor functions/store/activity-store.ts issues and accepts (its CURSOR_SHAPE). */
const CURSOR_SHAPE = {
  PK: /^ACTIVITY#[a-z0-9-]{1,64}$/,
  SK: /^ACTIVITY$/,
  GSI1PK: /^ACTIVITIES$/,
  GSI1SK: /^[0-9T:+-]{25}#[a-z0-9-]{1,64}$/,
};

/** Items one Query page evaluates before DynamoDB answers with a LastEvaluatedKey (the store asks 100). */
const QUERY_PAGE = 100;

const toRecord = (item: Item) => copy(item) as unknown as ActivityRecord;

/** How a string attribute compares in a condition: a missing or non-string attribute fails it. */
const text = (item: Item, field: string) =>
  typeof item[field] === 'string' ? (item[field] as string) : null;

function contains(value: unknown, q: string): boolean {
  return typeof value === 'string' && value.includes(q);
}

/** The filters of the store's Query, evaluated on each item the key condition reads. */
function matches(item: Item, query: ActivityQuery, endsAfter: string | undefined): boolean {
  if (endsAfter !== undefined) {
    const endsAt = text(item, 'endsAt');
    if (endsAt === null || endsAt < endsAfter) return false;
  }
  for (const field of ['kind', 'county', 'schoolId', 'certificateId'] as const) {
    const value = query[field];
    if (value && item[field] !== value) return false;
  }
  if (query.township && ((item.place ?? {}) as Item).township !== query.township) return false;
  if (query.q) {
    const place = (item.place ?? {}) as Item;
    if (
      ![item.title, item.description, place.township, place.village].some((v) => contains(v, query.q ?? ''))
    )
      return false;
  }
  return true;
}

/** An activity's change number as the store's condition reads it: an item without one has 0. */
const changeSeqOf = (item: Item | undefined) => numberField(item ?? {}, 'changeSeq') ?? 0;

/** The in-memory ActivityStore: the conditions of functions/store/activity-store.ts, on a MemoryTable. */
export function createMemoryActivityStore(table: MemoryTable): ActivityStore {
  const get = (id: string) => table.activities.get(id);

  /** Sets the activity's wakeAt: on the worker's agenda at that time, or off it (null). */
  function setAgenda(id: string, item: Item, wakeAt: string | null): void {
    item.wakeAt = wakeAt;
    if (wakeAt === null) table.activityAgenda.delete(id);
    else table.activityAgenda.set(id, byTime(wakeAt, id));
  }

  /** GSI1 (every activity) in key order: the start time, then the id. */
  const indexed = () =>
    [...table.activityIndex.entries()]
      .map(([id, index]) => ({ id, ...index }))
      .sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));

  return {
    async get(id) {
      await turn();
      const item = get(id);
      return item ? toRecord(item) : null;
    },

    async list(query) {
      await turn();
      let start: Record<string, string> | undefined;
      if (query.cursor) {
        const decoded = decodeCursor(query.cursor, CURSOR_SHAPE);
        if (!decoded) throw new DomainError('INVALID_CURSOR');
        start = decoded;
      }
      const to = query.to ? `${toIso(query.to)}#~` : undefined;
      const endsAfter = query.from ? toIso(query.from) : query.endsAfter;
      const rows = indexed().filter(
        (r) =>
          (to === undefined || r.sortKey <= to) &&
          (start === undefined ||
            r.sortKey > (start.GSI1SK ?? '') ||
            (r.sortKey === start.GSI1SK && partitions.activity(r.id) > (start.PK ?? ''))),
      );
      // Page by page as the store reads them: a page is cut after QUERY_PAGE items, matching or not.
      const items: ActivityRecord[] = [];
      let offset = 0;
      let more = false;
      do {
        const page = rows.slice(offset, offset + QUERY_PAGE);
        offset += page.length;
        for (const row of page) {
          const item = get(row.id);
          if (item && matches(item, query, endsAfter)) items.push(toRecord(item));
        }
        more = page.length === QUERY_PAGE;
      } while (more && items.length < query.limit);
      const pageItems = items.slice(0, query.limit);
      const last = pageItems[pageItems.length - 1];
      const hasNext = items.length > query.limit || (more && items.length === query.limit);
      return {
        items: pageItems,
        nextCursor: hasNext && last ? encodeCursor(keys.activityListCursor(last)) : null,
      };
    },

    async listBySchool(schoolIds) {
      await turn();
      const rows =
        schoolIds === 'all'
          ? indexed()
          : schoolIds.flatMap((id) => indexed().filter((r) => r.schoolId === id));
      const records = rows.flatMap((r) => {
        const item = get(r.id);
        return item ? [toRecord(item)] : [];
      });
      return records.sort((a, b) => (a.startsAt < b.startsAt ? -1 : 1));
    },

    async create(record, audit) {
      await turn();
      const put: Step = {
        item: `activity:${record.id}`,
        holds: () => !table.activities.has(record.id),
        apply: () => {
          table.activities.set(record.id, copy(record) as unknown as Item);
          table.activityIndex.set(record.id, {
            schoolId: record.schoolId,
            sortKey: byTime(record.startsAt, record.id),
          });
          if (record.wakeAt) table.activityAgenda.set(record.id, byTime(record.wakeAt, record.id));
        },
      };
      const result = transact(audit ? [put, auditStep(table, audit)] : [put]);
      if (result.ok) return;
      if (!audit) throw conditionFailed();
      throw new Error('activity id collided');
    },

    async beginDraw(id, now, order) {
      await turn();
      const result = transact([
        {
          item: `activity:${id}`,
          holds: () => {
            const item = get(id);
            return item !== undefined && (!('drawnAt' in item) || item.drawnAt === null);
          },
          apply: () => {
            const item = get(id) as Item;
            if (!('drawStartedAt' in item)) item.drawStartedAt = now;
            item.drawOrder = copy(order);
          },
        },
      ]);
      return result.ok ? 'begun' : 'already-drawn';
    },

    async finishDraw(id, counts, now) {
      await turn();
      // An unconditional update: like DynamoDB's, it makes the item when it is missing (then in no index).
      const item = get(id) ?? {};
      Object.assign(item, {
        confirmedCount: counts.confirmed,
        waitlistCount: counts.waitlisted,
        drawnAt: now,
        updatedAt: now,
      });
      delete item.drawStartedAt;
      table.activities.set(id, item);
    },

    async due(now) {
      await turn();
      const until = byTime(now, '~');
      return [...table.activityAgenda.entries()]
        .filter(([, sortKey]) => sortKey <= until)
        .sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))
        .flatMap(([id]) => {
          const item = get(id);
          return item ? [toRecord(item)] : [];
        });
    },

    async reschedule(id, from, to, noticedSeq) {
      await turn();
      return transact([
        {
          item: `activity:${id}`,
          holds: () =>
            get(id)?.wakeAt === from && (noticedSeq === undefined || changeSeqOf(get(id)) === noticedSeq),
          apply: () => {
            const item = get(id) as Item;
            setAgenda(id, item, to);
            if (noticedSeq !== undefined) item.noticedSeq = noticedSeq;
          },
        },
      ]).ok;
    },

    async cancel(id, reason, at, audit) {
      await turn();
      const result = transact([
        {
          item: `activity:${id}`,
          holds: () => get(id)?.cancelled === false,
          apply: () => {
            const item = get(id) as Item;
            Object.assign(item, { cancelled: true, cancelReason: reason, cancelledAt: at, updatedAt: at });
            // On the agenda at once: the worker's next run tells everyone signed up.
            setAgenda(id, item, at);
          },
        },
        auditStep(table, audit),
      ]);
      if (result.ok) return 'cancelled';
      // The store tells the two apart by the old item DynamoDB returns when the activity's condition failed.
      return result.failed[0] && get(id) ? 'already-cancelled' : 'missing';
    },

    async update(id, changes, minCapacity, audit, expectedChangeSeq) {
      await turn();
      // The store reads the activity first (a separate request) to move its index keys with the start time.
      const current = changes.startsAt ? get(id) : undefined;
      await turn();
      const { wakeAt, ...rest } = changes;
      const fields = Object.entries(copy(rest)).filter(([field]) => field !== 'id');
      if (fields.length === 0 && wakeAt === undefined)
        throw new Error('Invalid UpdateExpression: an expression must not be empty');
      const write: Step = {
        item: `activity:${id}`,
        holds: () => {
          const item = get(id);
          if (!item) return false;
          const confirmed = numberField(item, 'confirmedCount');
          return (
            ((confirmed !== undefined && confirmed <= minCapacity) || minCapacity === 0) &&
            (expectedChangeSeq === undefined || changeSeqOf(item) === expectedChangeSeq)
          );
        },
        apply: () => {
          const item = get(id) as Item;
          Object.assign(item, Object.fromEntries(fields));
          if (wakeAt !== undefined) setAgenda(id, item, wakeAt);
          const index = table.activityIndex.get(id);
          if (changes.startsAt && current && index) index.sortKey = byTime(changes.startsAt, id);
        },
      };
      const result = transact(audit ? [write, auditStep(table, audit)] : [write]);
      if (result.ok) return 'updated';
      const old = get(id);
      if (!result.failed[0] || !old) return 'missing';
      return expectedChangeSeq !== undefined && changeSeqOf(old) !== expectedChangeSeq
        ? 'changed'
        : 'capacity-below-confirmed';
    },
  };
}
