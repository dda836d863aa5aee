/**
 * What the activity and competition editors' forms share: the four sign-up and event dates, the optional contact,
 * the sample mark, and how a kept draft comes back into a form. No Taro import.
 */
import type { ContactPoint } from '@/domain/content'
import { instantOf, partsOf, type DateTimeParts } from './beijing-time'

export interface ContactForm {
  name: string
  phone: string
  hours: string
}

/** The fields every event form has, whatever else it carries. */
export interface EventFormCommon {
  signupStartsAt: DateTimeParts
  signupEndsAt: DateTimeParts
  eventStartsAt: DateTimeParts
  eventEndsAt: DateTimeParts
  contact: ContactForm
  sample: boolean
  sampleNote: string
}

interface EventRecordCommon {
  signupStartsAt: string
  signupEndsAt: string
  eventStartsAt: string
  eventEndsAt: string
  contact?: ContactPoint | null
  sample: boolean
  sampleNote?: string | null
}

/** The shared fields of a saved event, as the form shows them. */
export function commonFormOf(record: EventRecordCommon): EventFormCommon {
  return {
    signupStartsAt: partsOf(record.signupStartsAt),
    signupEndsAt: partsOf(record.signupEndsAt),
    eventStartsAt: partsOf(record.eventStartsAt),
    eventEndsAt: partsOf(record.eventEndsAt),
    contact: { name: record.contact?.name ?? '', phone: record.contact?.phone ?? '', hours: record.contact?.hours ?? '' },
    sample: record.sample,
    sampleNote: record.sampleNote ?? ''
  }
}

export const optional = (text: string) => (text.trim() ? text.trim() : undefined)

/** The shared fields as the API takes them: empty contact texts left out, no contact at all when none is given. */
export function commonInputOf(form: EventFormCommon) {
  const contactGiven = Boolean(form.contact.name.trim() || form.contact.phone.trim() || form.contact.hours.trim())
  return {
    signupStartsAt: instantOf(form.signupStartsAt),
    signupEndsAt: instantOf(form.signupEndsAt),
    eventStartsAt: instantOf(form.eventStartsAt),
    eventEndsAt: instantOf(form.eventEndsAt),
    contact: contactGiven
      ? {
          name: form.contact.name.trim(),
          ...(optional(form.contact.phone) ? { phone: form.contact.phone.trim() } : {}),
          ...(optional(form.contact.hours) ? { hours: form.contact.hours.trim() } : {})
        }
      : null,
    sample: form.sample,
    sampleNote: form.sample && form.sampleNote.trim() ? form.sampleNote : null
  }
}

export const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

/**
 * A kept draft back into a form: what it has replaces the fallback, field by field, where the shape still fits.
 * `special` takes over the fields it names (the activity's body blocks).
 */
export function formOfDraft<F extends object>(draft: unknown, fallback: F, special: Partial<{ [K in keyof F]: (value: unknown) => F[K] | undefined }> = {}): F {
  if (!isObject(draft)) return fallback
  const form = { ...fallback }
  for (const key of Object.keys(fallback) as (keyof F & string)[]) {
    const value = draft[key]
    const own = special[key]
    if (own) {
      const taken = own(value)
      if (taken !== undefined) form[key] = taken
    } else if (value !== undefined && Array.isArray(value) === Array.isArray(fallback[key]) && typeof value === typeof fallback[key]) {
      ;(form as Record<string, unknown>)[key] = value
    }
  }
  return form
}
