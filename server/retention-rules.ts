/**
 * Every retention rule (server/core/retention.ts), for the app's daily run and `npm run retention`: core's own, and
 * each slice's that keeps personal data (the sign-ups part adds its rule here, from config.signupRetentionDays).
 */
import type { Config } from './core/config'
import { outboxRetentionRule, type RetentionRule } from './core/retention'

export function retentionRules(_config: Config): RetentionRule[] {
  return [outboxRetentionRule]
}
