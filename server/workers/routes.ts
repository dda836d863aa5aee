/**
 * Worker identity (docs/workers-api.md): signing in silently when a worker first acts, who am I, agreeing to the
 * privacy notice, deleting the kept form answers, logging out. Reading content never needs any of this.
 *
 * Sign-in takes a WeChat login code (exchanged at WeChat for the openid) or the H5 page's device secret; either is
 * found again by its keyed lookup hash, so the same WeChat user or the same device is the same worker. Nothing
 * personal is logged: not the code, the secret, the openid nor the token.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyBaseLogger, FastifyReply } from 'fastify'
import { PRIVACY_NOTICE_TITLE, PRIVACY_NOTICE_VERSION, type WorkerKind } from '@/domain'
import { tokenHash } from '../core/auth/tokens'
import { newWorkerToken, requireWorker, workerOf } from '../core/auth/worker'
import { HttpError, invalidFields } from '../core/errors'
import { NoQuery } from '../core/schemas/params'
import { WechatError } from '../core/wechat'
import { ConsentRequestSchema, NoContent, WorkerMeSchema, WorkerSessionRequestSchema, WorkerSessionResponseSchema, workerErrorResponses } from './schema'

export const WECHAT_NOT_CONFIGURED_MESSAGE = '微信登录未配置，请使用网页版报名'
export const WECHAT_CODE_INVALID_MESSAGE = '微信登录凭证无效或已使用，请重新进入小程序后再试'
export const WECHAT_RATE_LIMITED_MESSAGE = '微信登录过于频繁，请 1 分钟后再试'
export const WECHAT_BUSY_MESSAGE = '微信系统繁忙，请稍后重试'
export const WECHAT_UNREACHABLE_MESSAGE = '暂时无法连接微信，请稍后重试'
export const WECHAT_FAILED_MESSAGE = '微信登录暂不可用，请稍后重试或使用网页版报名'
export const WECHAT_REFUSED_MESSAGE = '微信拒绝了本次登录，请使用网页版报名'
export const ONE_IDENTITY_MESSAGE = '请提供 wechatCode（微信登录凭证）或 deviceSecret（设备标识）中的一个'
export const NOTICE_CHANGED_MESSAGE = `《${PRIVACY_NOTICE_TITLE}》已更新，请阅读新版本后再同意`

/** Seconds a rate-limited sign-in is told to wait (WeChat does not say). */
export const WECHAT_RETRY_AFTER_SECONDS = 60

async function noStore(_request: unknown, reply: FastifyReply): Promise<void> {
  reply.header('cache-control', 'no-store')
}

/** WeChat's failure as our answer. Messages of WechatError never carry the URL, the secret or the code. */
function wechatFailure(error: unknown, reply: FastifyReply, log: FastifyBaseLogger): HttpError {
  if (!(error instanceof WechatError)) throw error
  switch (error.errcode) {
    case 40029:
    case 40163:
      return new HttpError(400, 'WECHAT_CODE_INVALID', WECHAT_CODE_INVALID_MESSAGE, { field: 'wechatCode' })
    case 45011:
      reply.header('retry-after', String(WECHAT_RETRY_AFTER_SECONDS))
      return new HttpError(429, 'WECHAT_RATE_LIMITED', WECHAT_RATE_LIMITED_MESSAGE)
    case -1:
      return new HttpError(503, 'WECHAT_BUSY', WECHAT_BUSY_MESSAGE)
    case 'timeout':
    case 'network':
      return new HttpError(503, 'WECHAT_UNREACHABLE', WECHAT_UNREACHABLE_MESSAGE)
    case 40226:
      return new HttpError(403, 'WECHAT_LOGIN_REFUSED', WECHAT_REFUSED_MESSAGE)
    default:
      // A wrong AppID/AppSecret, the server's IP not whitelisted, an answer we cannot read: the operator must act.
      log.error({ errcode: error.errcode }, error.message)
      return new HttpError(503, 'WECHAT_FAILED', WECHAT_FAILED_MESSAGE)
  }
}

export const workerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const workers = app.repositories.workers

  app.post(
    '/me/session',
    {
      onRequest: noStore,
      schema: { querystring: NoQuery, body: WorkerSessionRequestSchema, response: { 200: WorkerSessionResponseSchema, ...workerErrorResponses } }
    },
    async (request, reply) => {
      const { wechatCode, deviceSecret } = request.body
      if ((wechatCode === undefined) === (deviceSecret === undefined)) {
        throw invalidFields([{ field: wechatCode === undefined ? 'wechatCode' : 'deviceSecret', message: ONE_IDENTITY_MESSAGE }])
      }
      let identity: { kind: WorkerKind; value: string }
      if (wechatCode !== undefined) {
        if (!app.wechat) throw new HttpError(503, 'WECHAT_NOT_CONFIGURED', WECHAT_NOT_CONFIGURED_MESSAGE)
        const login = await app.wechat.login(wechatCode).catch((error: unknown) => {
          throw wechatFailure(error, reply, request.log)
        })
        identity = { kind: 'wechat', value: login.openid }
      } else {
        identity = { kind: 'device', value: deviceSecret as string }
      }
      const now = app.now()
      const worker = await workers.findOrCreate(identity, now)
      const token = newWorkerToken()
      const { expiresAt } = await workers.createSession(worker.id, tokenHash(token), now)
      // Sessions nobody ended by logging out are cleared here rather than by a timer each instance would run.
      await workers.deleteExpiredSessions(now)
      return { token, expiresAt, worker: (await workers.me(worker.id))! }
    }
  )

  app.delete(
    '/me/session',
    { onRequest: requireWorker(), schema: { querystring: NoQuery, response: { 204: NoContent, ...workerErrorResponses } } },
    async (request, reply) => {
      await workers.revokeSession(workerOf(request).tokenHash)
      return reply.code(204).send(null)
    }
  )

  app.get(
    '/me',
    { onRequest: requireWorker(), schema: { querystring: NoQuery, response: { 200: WorkerMeSchema, ...workerErrorResponses } } },
    async (request) => {
      const me = await workers.me(workerOf(request).workerId)
      if (!me) throw new HttpError(401, 'WORKER_SESSION_ENDED', '登录已过期，请重新进入')
      return me
    }
  )

  app.put(
    '/me/consent',
    {
      onRequest: requireWorker(),
      schema: { querystring: NoQuery, body: ConsentRequestSchema, response: { 200: WorkerMeSchema, ...workerErrorResponses } }
    },
    async (request) => {
      if (request.body.version !== PRIVACY_NOTICE_VERSION) {
        throw new HttpError(409, 'NOTICE_CHANGED', NOTICE_CHANGED_MESSAGE, { noticeVersion: PRIVACY_NOTICE_VERSION })
      }
      const { workerId } = workerOf(request)
      await workers.agree(workerId, PRIVACY_NOTICE_VERSION, app.now())
      return (await workers.me(workerId))!
    }
  )

  app.delete(
    '/me/prefill',
    { onRequest: requireWorker(), schema: { querystring: NoQuery, response: { 204: NoContent, ...workerErrorResponses } } },
    async (request, reply) => {
      await workers.deletePrefill(workerOf(request).workerId)
      return reply.code(204).send(null)
    }
  )
}
