/**
 * The service editor's form and how it becomes the ServiceInput the API and serviceInputProblems take. No Taro import.
 */
import type { ServiceInput, StaffService } from '@/domain/service-input'
import type { ServiceFigure } from '@/domain/services'

export interface ContactRow {
  name: string
  phone: string
  hours: string
}

export interface ServiceForm {
  name: string
  tagline: string
  what: string[]
  who: string[]
  how: string[]
  contacts: ContactRow[]
  figures: ServiceFigure[]
  sample: boolean
  sampleNote: string
}

export const emptyContact = (): ContactRow => ({ name: '', phone: '', hours: '' })
export const emptyFigure = (): ServiceFigure => ({ value: '', unit: '', label: '' })

/** Every service exists (the seven are fixed): there is no empty form, only the loaded one. */
export function formOf(service: StaffService | undefined): ServiceForm {
  return {
    name: service?.name ?? '',
    tagline: service?.tagline ?? '',
    what: [...(service?.what ?? [])],
    who: [...(service?.who ?? [])],
    how: [...(service?.how ?? [])],
    contacts: (service?.contacts ?? []).map((contact) => ({ name: contact.name, phone: contact.phone ?? '', hours: contact.hours ?? '' })),
    figures: (service?.figures ?? []).map((figure) => ({ ...figure })),
    sample: service?.sample ?? false,
    sampleNote: service?.sampleNote ?? ''
  }
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null

export function formOfDraft(draft: unknown, fallback: ServiceForm): ServiceForm {
  if (!isObject(draft)) return fallback
  const form = { ...fallback }
  for (const key of Object.keys(fallback) as (keyof ServiceForm)[]) {
    const value = draft[key]
    if (value !== undefined && Array.isArray(value) === Array.isArray(fallback[key]) && typeof value === typeof fallback[key]) {
      ;(form as Record<string, unknown>)[key] = value
    }
  }
  return form
}

export function inputOf(form: ServiceForm): ServiceInput {
  return {
    name: form.name,
    tagline: form.tagline,
    what: form.what,
    who: form.who,
    how: form.how,
    // An empty phone or hours is left out: the contact is then a place to go rather than a number to call.
    contacts: form.contacts.map((row) => ({
      name: row.name.trim(),
      ...(row.phone.trim() ? { phone: row.phone.trim() } : {}),
      ...(row.hours.trim() ? { hours: row.hours.trim() } : {})
    })),
    figures: form.figures,
    sample: form.sample,
    sampleNote: form.sample && form.sampleNote.trim() ? form.sampleNote : null
  }
}
