/**
 * The staff station list's search, over the list as loaded (a district has a couple of hundred stations, not
 * thousands): every word typed must be found in the station's name, code or town. No Taro import.
 */
import type { StaffStationSummary } from '@/domain/station-input'

/** Words of what was typed; full-width spaces (a Chinese keyboard's) separate words too. */
export function searchWords(query: string): string[] {
  return query
    .toLowerCase()
    .split(/[\s\u3000]+/)
    .filter(Boolean)
}

export function searchStations(items: StaffStationSummary[], query: string): StaffStationSummary[] {
  const words = searchWords(query)
  if (words.length === 0) return items
  return items.filter((item) => {
    const text = `${item.name} ${item.code} ${item.town}`.toLowerCase()
    return words.every((word) => text.includes(word))
  })
}
