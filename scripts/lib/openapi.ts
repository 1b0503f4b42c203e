import { toJsonSchema, type ConversionConfig, type JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import YAML from 'yaml';
import * as api from '../../shared/api';
import { ERRORS, ErrorBodySchema, type ErrorCode } from '../../shared/errors';
import { ROUTES, type RouteSpec } from '../../shared/routes';
import { IDEMPOTENCY_HEADER, splitRouteKey } from '../../shared/route-path';
import { ActivityCreateInputSchema, ActivitySchema } from '../../shared/schemas/activity';
import * as catalog from '../../shared/schemas/catalog';
import * as catalogEditing from '../../shared/schemas/catalog-editing';
import { CountySchema } from '../../shared/schemas/common';
import {
  AttendeeSchema,
  FamilyMemberInputSchema,
  FamilyMemberSchema,
  IdempotencyKeySchema,
  SignupSchema,
  SignupWithActivitySchema,
} from '../../shared/schemas/signup';

/**
 * docs/openapi.yaml, generated from the route table (shared/routes.ts) and its valibot schemas. Every status a
 * route can answer is listed: its own successes, and each refusal its auth, parameters, body and domain
 * imply, with the error codes of that status.
 */

/** Shapes named in components/schemas, as the API answers them. */
const ANSWERS = {
  Error: ErrorBodySchema,
  School: catalog.SchoolSchema,
  SchoolDetail: catalog.SchoolDetailSchema,
  Major: catalog.MajorViewSchema,
  MajorDetail: catalog.MajorDetailSchema,
  Certificate: catalog.CertificateSchema,
  CertificateDetail: catalog.CertificateDetailSchema,
  Activity: ActivitySchema,
  Signup: SignupSchema,
  SignupWithActivity: SignupWithActivitySchema,
  SignupDetail: api.SignupDetailSchema,
  FamilyMember: FamilyMemberSchema,
  Draw: api.DrawSchema,
  Completion: api.CompletionSchema,
  RosterEntry: api.RosterEntrySchema,
  CheckInResult: api.CheckInResultSchema,
  Stats: api.StatsResponseSchema,
  AuditEntry: api.AuditEntrySchema,
  Login: api.LoginResponseSchema,
  SignupBatchResult: api.SignupBatchResponseSchema,
  Subscriptions: api.SubscriptionsSchema,
  Enrolment: api.EnrolmentSchema,
  CatalogImportResult: api.CatalogImportResultSchema,
};

/** Shapes named in components/schemas, as the API takes them in. */
const INPUTS = {
  Attendee: AttendeeSchema,
  FamilyMemberInput: FamilyMemberInputSchema,
  ActivityInput: ActivityCreateInputSchema,
  MajorInput: catalogEditing.MajorCreateInputSchema,
};

/** The same in and out. */
const NEUTRAL = { County: CountySchema };

/** Custom checks (dates that exist, one field after another) and trimming stay in the schemas' own words. */
const IGNORED_ACTIONS = ['check', 'trim', 'transform', 'to_min_value', 'to_max_value'];

function converter(typeMode: 'input' | 'output', definitions: Record<string, v.GenericSchema>) {
  const config: ConversionConfig = {
    target: 'draft-2020-12',
    typeMode,
    definitions,
    ignoreActions: IGNORED_ACTIONS,
    overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
    // JSON Schema patterns are Unicode-aware already: the `u` of /\p{L}/u has nothing to add.
    overrideAction: ({ valibotAction, jsonSchema }) =>
      valibotAction.type === 'regex'
        ? { ...jsonSchema, pattern: (valibotAction as unknown as { requirement: RegExp }).requirement.source }
        : undefined,
  };
  return (schema: v.GenericSchema): JsonSchema => {
    const json = toJsonSchema(schema, config) as Record<string, unknown>;
    delete json.$schema;
    delete json.$defs;
    return typeMode === 'output' ? answered(json) : json;
  };
}

/** An answer always carries a field that has a default: it is required in what the API sends. */
function answered(schema: unknown): JsonSchema {
  if (Array.isArray(schema)) return schema.map(answered) as JsonSchema;
  if (!schema || typeof schema !== 'object') return schema as JsonSchema;
  const out = Object.fromEntries(Object.entries(schema).map(([k, val]) => [k, answered(val)])) as Record<
    string,
    unknown
  >;
  const properties = out.properties as Record<string, { default?: unknown }> | undefined;
  if (out.type === 'object' && properties) {
    const required = new Set((out.required as string[] | undefined) ?? []);
    for (const [name, property] of Object.entries(properties)) if ('default' in property) required.add(name);
    out.required = [...required];
  }
  return out as JsonSchema;
}

const toAnswer = converter('output', { ...NEUTRAL, ...ANSWERS });
const toInput = converter('input', { ...NEUTRAL, ...INPUTS });

/** The schema's own fields, through any pipe around it. */
function entriesOf(schema: v.GenericSchema): Record<string, v.GenericSchema> {
  const s = schema as unknown as { entries?: Record<string, v.GenericSchema>; pipe?: v.GenericSchema[] };
  if (s.entries) return s.entries;
  if (s.pipe?.[0]) return entriesOf(s.pipe[0]);
  throw new Error('a query schema must be an object');
}

const isOptional = (schema: v.GenericSchema) => schema.type === 'optional';

/** The codes a route can refuse with: its own, and those its declaration implies. */
export function refusals(route: RouteSpec): ErrorCode[] {
  const codes = new Set<ErrorCode>(['INVALID_QUERY', 'INTERNAL']);
  if (route.auth !== 'public')
    ['UNAUTHORIZED', 'TOKEN_EXPIRED', 'ACCOUNT_CLOSED'].forEach((c) => codes.add(c as ErrorCode));
  if (route.auth === 'staff' || route.auth === 'admin') codes.add('FORBIDDEN');
  if (route.params) codes.add(route.notFound ?? 'NOT_FOUND');
  if (route.body)
    ['VALIDATION_FAILED', 'INVALID_JSON', 'PAYLOAD_TOO_LARGE'].forEach((c) => codes.add(c as ErrorCode));
  if (route.upload)
    ['UNSUPPORTED_MEDIA_TYPE', 'INVALID_JSON', 'PAYLOAD_TOO_LARGE'].forEach((c) => codes.add(c as ErrorCode));
  if (route.idempotent) codes.add('VALIDATION_FAILED');
  route.errors.forEach((c) => codes.add(c));
  return [...codes];
}

function operation(route: RouteSpec) {
  const parameters: unknown[] = [];
  for (const [name, schema] of Object.entries(route.params ?? {}))
    parameters.push({ name, in: 'path', required: true, schema: toInput(schema) });
  if (route.query)
    for (const [name, schema] of Object.entries(entriesOf(route.query)))
      parameters.push({ name, in: 'query', required: !isOptional(schema), schema: toInput(schema) });
  if (route.idempotent)
    parameters.push({
      name: IDEMPOTENCY_HEADER,
      in: 'header',
      required: false,
      description: 'the same key answers with the first answer, and creates nothing twice',
      schema: toInput(IdempotencyKeySchema),
    });

  const responses: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(route.responses)) {
    if (!answer) continue;
    responses[status] = answer.binary
      ? {
          description: answer.description,
          content: { [answer.binary]: { schema: { type: 'string', format: 'binary' } } },
        }
      : answer.schema
        ? {
            description: answer.description,
            content: {
              'application/json': { schema: toAnswer(answer.schema) },
              ...(answer.csv ? { 'text/csv': { schema: { type: 'string' } } } : {}),
            },
          }
        : { description: answer.description };
  }
  if (route.cache)
    responses['304'] = { description: 'not modified: the If-None-Match ETag is current; no body' };
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of refusals(route)) {
    const status = ERRORS[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  for (const [status, codes] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: codes.join(', '),
      ...(codes.includes('RATE_LIMITED')
        ? { headers: { 'Retry-After': { description: 'seconds to wait', schema: { type: 'integer' } } } }
        : {}),
      content: {
        'application/json': {
          schema: {
            allOf: [
              { $ref: '#/components/schemas/Error' },
              {
                type: 'object',
                properties: { error: { type: 'object', properties: { code: { enum: codes } } } },
              },
            ],
          },
        },
      },
    };
  }

  return {
    operationId: route.operationId,
    summary: route.summary,
    security: route.auth === 'public' ? [] : [{ bearer: [] }],
    ...(parameters.length ? { parameters } : {}),
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toInput(route.body) } } } }
      : {}),
    ...(route.upload
      ? {
          requestBody: {
            required: true,
            description: `the file, at most ${route.upload.maxBytes / 1024 / 1024} MB`,
            content: Object.fromEntries(
              route.upload.contentTypes.map((t) => [t, { schema: { type: 'string', format: 'binary' } }]),
            ),
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [key, route] of Object.entries(ROUTES) as Array<[string, RouteSpec]>) {
    const [method, path] = splitRouteKey(key as `${string} ${string}`);
    (paths[path] ??= {})[method.toLowerCase()] = operation(route);
  }
  const schemas: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(NEUTRAL)) schemas[name] = converter('input', {})(schema);
  for (const [name, schema] of Object.entries(INPUTS)) schemas[name] = converter('input', NEUTRAL)(schema);
  for (const [name, schema] of Object.entries(ANSWERS)) {
    const { [name]: self, ...others } = ANSWERS as Record<string, v.GenericSchema>;
    void self;
    schemas[name] = converter('output', { ...NEUTRAL, ...others })(schema);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '四平职教通 API',
      version: '1.0.0',
      license: { name: 'UNLICENSED', identifier: 'LicenseRef-Proprietary' },
      description: [
        "The catalog of Siping's vocational education (schools, majors, 1+X certificates, activities) and",
        'sign-ups. JSON in and out; every time is ISO 8601 with +08:00. A refusal is',
        '`{"error":{"code","message"}}` with a 4xx status and a Chinese message the user can act on; an',
        'unknown failure is a 500 with a `requestId`. See docs/api.md for the rules behind each route.',
        '',
        'Generated from shared/routes.ts by `npm run openapi`; do not edit by hand.',
      ].join('\n'),
    },
    servers: [{ url: 'http://127.0.0.1:3000', description: 'local stack (`npm start`)' }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'the token of POST /auth/login (HMAC-signed, with an expiry and the issuing stage)',
        },
      },
      schemas,
    },
    paths,
  };
}

/** The document as docs/openapi.yaml holds it. */
export function openApiYaml(): string {
  return YAML.stringify(openApiDocument(), { lineWidth: 0, aliasDuplicateObjects: false });
}
