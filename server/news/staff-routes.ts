/**
 * The news editor's API: list and read every article whatever its status, create drafts, save, publish (now or at a
 * set time) and withdraw. Bodies pass the TypeBox shape first, then the shared rules (newsInputProblems), so the
 * messages are the ones the editor page shows when it checks before sending. The layout is the one of every versioned
 * collection (core/versioned/routes.ts).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { newsInputProblems, publishTimeProblem } from '@/domain'
import { requireStaff } from '../core/auth/plugin'
import { PageSchema } from '../core/schemas/common'
import { versionedCollectionRoutes } from '../core/versioned/routes'
import { VersionOnlySchema } from '../core/versioned/schema'
import { NewsInputSchema, NewsUpdateSchema, PublishRequestSchema, StaffNewsArticleSchema, StaffNewsListQuery, StaffNewsSummarySchema } from './schema'

export const NEWS_NOT_FOUND_MESSAGE = '未找到该动态'

/**
 * The longest article the validators allow (100 blocks of up to 5000 characters, 3 bytes each in UTF-8, plus JSON)
 * is about 1.6 MB: above Fastify's 1 MiB default, so the body limit of the two saving routes is raised.
 */
export const NEWS_BODY_LIMIT = 4 * 1024 * 1024

export const staffNewsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // onRequest: a caller without a session is turned away before any body is read.
  app.addHook('onRequest', requireStaff('editor'))
  const repository = app.repositories.staffNews

  const news = versionedCollectionRoutes(app, {
    path: '/news',
    subject: '该动态',
    notFoundMessage: NEWS_NOT_FOUND_MESSAGE,
    bodyLimit: NEWS_BODY_LIMIT,
    schemas: {
      listQuery: StaffNewsListQuery,
      list: PageSchema(StaffNewsSummarySchema),
      record: StaffNewsArticleSchema,
      input: NewsInputSchema,
      update: NewsUpdateSchema
    },
    inputProblems: newsInputProblems,
    list: (query) => repository.list({ page: query.page ?? 1, status: query.status }),
    find: (id) => repository.find(id),
    create: repository.create,
    update: repository.update
  })

  news.change({
    name: 'publish',
    body: PublishRequestSchema,
    problems: ({ at }) => {
      const problem = publishTimeProblem(at)
      return problem ? [{ field: 'at', message: problem }] : []
    },
    apply: (id, { at, version }, editor, now) => repository.publish(id, at, version, editor, now)
  })

  news.change({
    name: 'unpublish',
    body: VersionOnlySchema,
    apply: (id, { version }, editor, now) => repository.unpublish(id, version, editor, now)
  })
}
