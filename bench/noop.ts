import type { APIGatewayProxyResultV2 } from 'aws-lambda';

/**
 * The baseline for the catalog reads: a function that does nothing, behind the same serverless-offline,
 * API route matching and esbuild bundling as the real ones. Only `serverless.bench.yml` deploys it.
 */
export const handler = async (): Promise<APIGatewayProxyResultV2> => ({
  statusCode: 200,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: '{"ok":true}',
});
