import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { db } from './client';

export interface CancellationReason {
  Code?: string;
  Item?: Record<string, { S?: string; N?: string; BOOL?: boolean }>;
}

export type TransactResult = { ok: true } | { ok: false; reasons: CancellationReason[] };

const RETRYABLE = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a transaction; a conflict with a concurrent one is retried with jittered back-off here, so callers
 * see only the outcome that matters to them: committed, or which condition failed.
 */
export async function transact(input: TransactWriteCommandInput, attempts = 25): Promise<TransactResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand(input));
      return { ok: true };
    } catch (err) {
      const e = err as Error & { CancellationReasons?: CancellationReason[] };
      const reasons = e.CancellationReasons ?? [];
      const conflicted =
        e.name === 'TransactionConflictException' ||
        e.name === 'TransactionInProgressException' ||
        (e.name === 'TransactionCanceledException' &&
          reasons.some((r) => r.Code && RETRYABLE.has(r.Code)) &&
          !reasons.some((r) => r.Code === 'ConditionalCheckFailed'));
      if (conflicted && attempt < attempts) {
        await sleep(Math.random() * Math.min(200, 10 * 2 ** Math.min(attempt, 5)));
        continue;
      }
      if (e.name === 'TransactionCanceledException' && !conflicted) return { ok: false, reasons };
      throw err;
    }
  }
}

export function failed(reasons: CancellationReason[], index: number): boolean {
  return reasons[index]?.Code === 'ConditionalCheckFailed';
}

export function numberOf(item: CancellationReason['Item'], field: string): number | undefined {
  const n = item?.[field]?.N;
  return n === undefined ? undefined : Number(n);
}
