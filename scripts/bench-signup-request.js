/**
 * `npm run bench`, sign-ups: autocannon's setupRequest, loaded by its worker thread (a function cannot cross into a
 * worker, a file can). Every request is a new sign-up: the next (worker, event) pair of the plan bench-signups.ts
 * wrote, and a fresh idempotency key. Plain JavaScript: the worker thread requires it without a TypeScript loader.
 */
const { randomBytes } = require('node:crypto')
const fs = require('node:fs')

let plan
let next = 0

module.exports = function setupSignupRequest(request) {
  if (!plan) plan = JSON.parse(fs.readFileSync(process.env.BENCH_SIGNUP_PLAN, 'utf8'))
  const pair = next++
  const token = plan.tokens[pair % plan.tokens.length]
  const eventId = plan.events[Math.floor(pair / plan.tokens.length) % plan.events.length]
  const body = {
    eventType: 'activity',
    eventId,
    name: '压测职工',
    phone: '13800000000',
    employer: '密云区压测单位',
    idempotencyKey: randomBytes(12).toString('base64url'),
    remember: false
  }
  return { ...request, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }
}
