/**
 * The OpenAPI 3.1 document of head office's HTTP API, generated from the zod schemas of core/sync (served at
 * GET /openapi.json; docs/sync-protocol.md is generated from the same table). Runtime: Node.
 */
import { z } from 'zod';
import { adminRequestIdSchema } from '../core/sync/wire-revert';
import { ERRORS } from '../core/errors';
import { HEADERS } from '../core/sync/signing';
import { type RouteDef, SYNC_ROUTES } from '../core/sync/routes';
import { errorResponseSchema } from '../core/sync/wire';

const json = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** The body a route takes; an administrator's write carries its requestId besides. */
function bodyOf(r: RouteDef): z.ZodType {
  if (!r.writes) return r.body!;
  const withId = z.object({ requestId: adminRequestIdSchema });
  return r.body ? z.intersection(r.body, withId) : withId;
}

const oaPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');

function parameters(r: RouteDef) {
  const out: unknown[] = [...r.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (r.query) {
    const s = json(r.query, 'input') as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, schema] of Object.entries(s.properties ?? {}))
      out.push({ name, in: 'query', required: (s.required ?? []).includes(name), schema });
  }
  if (r.auth === 'counter')
    for (const h of [HEADERS.counter, HEADERS.timestamp, HEADERS.nonce, HEADERS.signature])
      out.push({ name: h, in: 'header', required: true, schema: { type: 'string' } });
  return out;
}

export function openApiDocument(version: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  const errorRef = { $ref: '#/components/schemas/Error' };
  for (const [name, r] of Object.entries(SYNC_ROUTES) as [string, RouteDef][]) {
    const key = oaPath(r.path);
    paths[key] ??= {};
    const item = paths[key];
    item[r.method.toLowerCase()] = {
      operationId: name,
      summary: r.summary,
      security:
        r.auth === 'admin'
          ? [{ adminToken: [] }, { consoleSession: [] }]
          : r.auth === 'console'
            ? [{ consoleSession: [] }]
            : r.auth === 'counter'
              ? [{ counterSignature: [] }]
              : [],
      parameters: parameters(r),
      ...(r.body || r.writes
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: json(bodyOf(r), 'input') } },
            },
          }
        : {}),
      responses: {
        200: { description: 'OK', content: { 'application/json': { schema: json(r.response, 'output') } } },
        default: {
          description: '错误（code 见下表）',
          content: { 'application/json': { schema: errorRef } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'GasDesk head office sync API',
      version,
      description: `Generated from core/sync (zod). Error codes: ${Object.keys(ERRORS).join(', ')}`,
    },
    paths,
    components: {
      schemas: { Error: json(errorResponseSchema, 'output') },
      securitySchemes: {
        adminToken: { type: 'http', scheme: 'bearer' },
        consoleSession: { type: 'apiKey', in: 'cookie', name: 'gasdesk_console' },
        counterSignature: {
          type: 'apiKey',
          in: 'header',
          name: HEADERS.signature,
          description:
            'Ed25519 signature of signingString() (core/sync/signing.ts) with the counter key enrolled at head office',
        },
      },
    },
  };
}
