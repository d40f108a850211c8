import { z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { problemOf, type DomainError } from '../errors'
import type { AppEnv } from './context'

/** RFC 9457 problem details, the one shape every /api route answers errors with (and documents in OpenAPI). */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string().openapi({ description: '给人看的说明，中文在前、英文在后，并说明下一步怎么做 Human-readable, Chinese first; says what to do next' }),
    status: z.number().int(),
    code: z.string().openapi({ description: '稳定的错误代码 Stable error code, e.g. invalid_parameter, not_found' }),
    errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details (application/problem+json).' })

/** An OpenAPI response entry answered with a Problem. */
export const problemResponse = (description: string) => ({ description, content: { 'application/problem+json': { schema: Problem } } })

/** A DomainError as application/problem+json with its status and the request id. */
export const problemJson = (c: Context<AppEnv>, err: DomainError) => c.json(problemOf(err, c.get('requestId')), err.status as 400, { 'Content-Type': 'application/problem+json' })
