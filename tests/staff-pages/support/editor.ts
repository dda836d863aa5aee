/**
 * What a staffer does in the content editors, for the page tests: find a field by the name the validators use, type
 * into it, read what is under it, tap, and pick a value in Taro's scrolling picker.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { readDraft } from '@/state/local-draft'

let serial = 0
/** A title or name no other test uses, short enough for the worker search (50 characters). */
export function uniqueTitle(what: string): string {
  serial += 1
  return `${what}${process.pid % 1000}-${serial}`
}

/** jsdom has no layout, so Taro's picker columns measure 0 px tall and say so; every other warning still shows. */
export function quietPickerWarnings(): void {
  const warn = console.warn
  jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).includes('Height measurement anomaly')) warn(...args)
  })
}

export function field(name: string): HTMLElement {
  const element = document.querySelector(`[data-field="${name}"]`)
  if (!element) throw new Error(`没有字段 ${name}`)
  return element as HTMLElement
}

/** The input or textarea of a field (Taro's H5 textarea draws its <textarea> a moment after it mounts). */
export async function control(name: string): Promise<HTMLInputElement | HTMLTextAreaElement> {
  let found: HTMLInputElement | HTMLTextAreaElement | null = null
  await waitFor(() => {
    found = field(name).querySelector('input, textarea')
    expect(found).not.toBeNull()
  })
  return found!
}

export async function typeInto(name: string, value: string): Promise<void> {
  fireEvent.input(await control(name), { target: { value } })
}

export async function valueOf(name: string): Promise<string> {
  return (await control(name)).value
}

export function errorUnder(name: string): string | null {
  return field(name).querySelector('.field__error')?.textContent ?? null
}

export function tap(target: string | RegExp | HTMLElement): void {
  fireEvent.click(target instanceof HTMLElement ? target : screen.getByText(target))
}

/** Picker rows are 34 px tall in Taro's H5 picker (jsdom measures nothing, so the default is used). */
const PICKER_ROW_PX = 34

const pause = (ms: number) => act(() => new Promise<void>((resolve) => setTimeout(resolve, ms)))

/**
 * Lets the picker's scroll animation finish. It eases over 500 ms by the page's clock, which the page tests hold
 * still (setup-after-env.ts): the clock is moved on for it, and put back once the picker has settled.
 */
async function settle(): Promise<void> {
  // First let the scroll view start its animation (it does so 10 ms after the picker asks), then end it.
  await pause(50)
  jest.advanceTimersByTime(1000)
  await pause(50)
}

/**
 * Opens the picker behind `opener`, scrolls each listed column to the row showing the given text (as a thumb
 * would), and confirms with 确定. Columns count from 0 (a date picker: 年, 月, 日; a time picker: 时, 分).
 */
export async function pick(opener: HTMLElement, columns: Record<number, string>): Promise<void> {
  const clock = Date.now()
  fireEvent.click(opener)
  const confirm = await screen.findByText('确定')
  const dialog = (confirm.closest('.taro-picker__overlay') ?? document.body) as HTMLElement
  await settle()
  const scrollers = Array.from(dialog.querySelectorAll<HTMLElement>('.taro-picker__content'))
  for (const [column, text] of Object.entries(columns)) {
    const scroller = scrollers[Number(column)]
    if (!scroller) throw new Error(`选择器没有第 ${column} 列`)
    const rows = Array.from(scroller.querySelectorAll('.taro-picker__item:not(.taro-picker__item--blank)'))
    const index = rows.findIndex((row) => row.textContent === text)
    if (index < 0) throw new Error(`第 ${column} 列没有「${text}」`)
    scroller.scrollTop = index * PICKER_ROW_PX
    fireEvent.scroll(scroller)
    // The picker takes the row 150 ms after the last scroll event, and snaps to it 100 ms after that.
    await pause(350)
    await settle()
  }
  fireEvent.click(within(dialog).getByText('确定'))
  jest.setSystemTime(clock)
}

/** Waits until the editor has kept its draft under `key` on the device (it writes a moment after typing stops). */
export async function draftWritten(key: string): Promise<void> {
  await waitFor(() => expect(readDraft(key)).toBeDefined(), { timeout: 5000 })
}
