export default async function globalTeardown(): Promise<void> {
  const dynamo = (globalThis as { __dynamo__?: { stop(): Promise<void> } }).__dynamo__;
  if (dynamo) await dynamo.stop();
}
