/**
 * Column runs several migrations' tables share, added through Kysely's `$call` so each table keeps its column order.
 */
import type { CreateTableBuilder } from 'kysely'

/** The sign-up window and the event's own dates of an event workers sign up for (competitions, activities). */
export function signupEventDateColumns<TB extends string, C extends string>(table: CreateTableBuilder<TB, C>) {
  return table
    .addColumn('signup_starts_at', 'text', (c) => c.notNull())
    .addColumn('signup_ends_at', 'text', (c) => c.notNull())
    .addColumn('event_starts_at', 'text', (c) => c.notNull())
    .addColumn('event_ends_at', 'text', (c) => c.notNull())
}
