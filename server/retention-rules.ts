/**
 * Every retention rule (server/core/retention.ts), for the app's daily run and `npm run retention`: core's own, and
 * each slice's that keeps personal data (sign-ups: config.signupRetentionDays after their event).
 */
import type { Config } from './core/config'
import { outboxRetentionRule, type RetentionRule } from './core/retention'
import { signupRetentionRule } from './signups/retention'

export function retentionRules(config: Config): RetentionRule[] {
  return [outboxRetentionRule, signupRetentionRule(config.signupRetentionDays)]
}
