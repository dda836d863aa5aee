/**
 * The one layout of a staff collection of versioned records (news, competitions, stations): list (GET /things),
 * one by id (GET /things/:id, 404 with the slice's message), create (POST /things, 201) and save (PUT /things/:id
 * on the versioned write path, answered through editOutcome), plus the record's own changes (publish, close…:
 * POST /things/:id/<change> with a body carrying the version). A slice hands in its schemas, its repository's
 * functions and its messages; the bodies pass the TypeBox shape first, then the slice's shared rules (400
 * INVALID_FIELD naming the field). The caller adds requireStaff as the plugin's onRequest hook.
 */
import type { FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Static, TSchema } from '@sinclair/typebox'
import { staffOf } from '../auth/plugin'
import { notFound, refuseInvalidFields } from '../errors'
import { IdParams, NoQuery } from '../schemas/params'
import { editOutcome } from './http'
import { editErrorResponses } from './schema'
import type { EditResult, Editor } from './write'

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any logger and server: only the type provider matters here
export type TypeBoxApp = FastifyInstance<RawServerDefault, any, any, any, TypeBoxTypeProvider>

export type FieldProblems = { field: string; message: string }[]

export interface VersionedCollection<Query extends TSchema, List extends TSchema, Record extends TSchema, Input extends TSchema, Update extends TSchema> {
  /** '/news': the list and create route; '/news/:id' reads and saves one. */
  path: string
  /** How a conflict message names the record: 「该动态已被 张三 于 … 修改」. */
  subject: string
  notFoundMessage: string
  /** For the create and save routes, when a record may be larger than Fastify's 1 MiB default. */
  bodyLimit?: number
  schemas: { listQuery?: Query; list: List; record: Record; input: Input; update: Update }
  inputProblems: (input: Static<Input>) => FieldProblems
  list: (query: Static<Query>, now: Date) => Promise<Static<List>>
  find: (id: string, now: Date) => Promise<Static<Record> | undefined>
  create: (input: Static<Input>, editor: Editor, now: Date) => Promise<Static<Record>>
  update: (id: string, input: Static<Input>, expectedVersion: number, editor: Editor, now: Date) => Promise<EditResult<Static<Record>>>
}

/** A change of one record beside saving it (publish, withdraw, close, reopen): POST `${path}/:id/${name}`. */
export interface VersionedChange<Body extends TSchema, Record> {
  name: string
  body: Body
  /** The rules for what the body carries besides its version (a publication time, a reason). */
  problems?: (body: Static<Body>) => FieldProblems
  apply: (id: string, body: Static<Body>, editor: Editor, now: Date) => Promise<EditResult<Record>>
}

export function versionedCollectionRoutes<
  Query extends TSchema = typeof NoQuery,
  List extends TSchema = TSchema,
  Record extends TSchema = TSchema,
  Input extends TSchema = TSchema,
  Update extends TSchema = TSchema
>(app: TypeBoxApp, collection: VersionedCollection<Query, List, Record, Input, Update>) {
  const { path, bodyLimit } = collection
  // Registered with the schemas as plain TSchema: Fastify cannot resolve a reply type from a generic one. The
  // collection's functions are typed by the slice's schemas, so what they take and give is checked there.
  const schemas: { [name in 'listQuery' | 'list' | 'record' | 'input' | 'update']: TSchema } = {
    ...collection.schemas,
    listQuery: collection.schemas.listQuery ?? NoQuery
  }
  const limit = bodyLimit === undefined ? {} : { bodyLimit }
  const outcome = { subject: collection.subject, notFoundMessage: collection.notFoundMessage }
  const editor = (request: FastifyRequest) => staffOf(request).staff
  const checked = (input: Static<Input>) => {
    refuseInvalidFields(collection.inputProblems(input))
    return input
  }

  app.get(path, { schema: { querystring: schemas.listQuery, response: { 200: schemas.list, ...editErrorResponses } } }, async (request) =>
    collection.list(request.query as Static<Query>, app.now())
  )

  app.get(`${path}/:id`, { schema: { params: IdParams, querystring: NoQuery, response: { 200: schemas.record, ...editErrorResponses } } }, async (request) => {
    const record = await collection.find(request.params.id, app.now())
    if (!record) throw notFound(collection.notFoundMessage)
    return record
  })

  app.post(
    path,
    { ...limit, schema: { querystring: NoQuery, body: schemas.input, response: { 201: schemas.record, ...editErrorResponses } } },
    async (request, reply) => {
      const record = await collection.create(checked(request.body as Static<Input>), editor(request), app.now())
      return reply.code(201).send(record)
    }
  )

  app.put(
    `${path}/:id`,
    { ...limit, schema: { params: IdParams, querystring: NoQuery, body: schemas.update, response: { 200: schemas.record, ...editErrorResponses } } },
    async (request) => {
      const { version, ...input } = request.body as { version: number }
      const now = app.now()
      return editOutcome(await collection.update(request.params.id, checked(input as Static<Input>), version, editor(request), now), { ...outcome, now })
    }
  )

  return {
    /** Registers POST `${path}/:id/${change.name}`, answered with the record as saved. */
    change<Body extends TSchema>(change: VersionedChange<Body, Static<Record>>) {
      app.post(
        `${path}/:id/${change.name}`,
        { schema: { params: IdParams, querystring: NoQuery, body: change.body as TSchema, response: { 200: schemas.record, ...editErrorResponses } } },
        async (request) => {
          const body = request.body as Static<Body>
          if (change.problems) refuseInvalidFields(change.problems(body))
          const now = app.now()
          return editOutcome(await change.apply(request.params.id, body, editor(request), now), { ...outcome, now })
        }
      )
    }
  }
}
