/**
 * Where uploaded images live. Routes and the image pipeline speak only to MediaStorage, so the local folder used
 * today can be replaced by an object store (several API instances behind one load balancer cannot share a local
 * disk) without touching them: only createLocalMediaStorage and the place that calls it change.
 *
 * A key is a relative, lower-case path such as `uploads/<id>/750.jpg`; its public path is `/media/<key>`.
 */
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'

export interface StoredObject {
  body: Readable
  bytes: number
  contentType: string
}

export interface MediaStorage {
  /** Stores the bytes under the key; a reader sees either the whole file or none of it. */
  put(key: string, body: Buffer, contentType: string): Promise<void>
  /** The object, or undefined when there is none under the key. */
  get(key: string): Promise<StoredObject | undefined>
  /** Removing a key that does not exist is not an error. */
  delete(key: string): Promise<void>
  /** The URL path workers load it from. */
  publicPath(key: string): string
}

/** Lower-case segments of letters, digits and hyphens, a file name with an extension at the end: no `..`, no `/` at either end. */
const KEY_PATTERN = /^[a-z0-9-]+(\/[a-z0-9-]+)*\/[a-z0-9-]+\.[a-z0-9]+$/

export function isMediaKey(key: string): boolean {
  return key.length <= 200 && KEY_PATTERN.test(key)
}

function checkedKey(key: string): string {
  if (!isMediaKey(key)) throw new Error(`invalid media key: ${key}`)
  return key
}

/** The disk keeps no content type, so it follows from the extension (which the image pipeline chose from the content). */
const CONTENT_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp'
}

export const MEDIA_PUBLIC_PREFIX = '/media/'

/** Files under `<root>`, e.g. `<DATA_DIR>/media`. */
export function createLocalMediaStorage(root: string): MediaStorage {
  const fileOf = (key: string) => path.join(root, ...checkedKey(key).split('/'))

  return {
    async put(key, body) {
      const file = fileOf(key)
      await fsp.mkdir(path.dirname(file), { recursive: true })
      // Write beside, then rename: a request arriving mid-write must not get half an image with a year of caching.
      const temporary = `${file}.${randomUUID()}.part`
      try {
        await fsp.writeFile(temporary, body)
        await fsp.rename(temporary, file)
      } catch (error) {
        await fsp.rm(temporary, { force: true })
        throw error
      }
    },

    async get(key) {
      if (!isMediaKey(key)) return undefined
      const file = fileOf(key)
      const contentType = CONTENT_TYPES[path.extname(file)]
      if (!contentType) return undefined
      let handle: fsp.FileHandle
      try {
        handle = await fsp.open(file, fs.constants.O_RDONLY)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
      // Size and stream from one open file: a delete in between cannot leave a length that does not match the body.
      try {
        const stat = await handle.stat()
        if (!stat.isFile()) {
          await handle.close()
          return undefined
        }
        return { body: handle.createReadStream(), bytes: stat.size, contentType }
      } catch (error) {
        await handle.close()
        throw error
      }
    },

    async delete(key) {
      const file = fileOf(key)
      await fsp.rm(file, { force: true })
      // An upload's folder holds only its variants; remove it once empty (rmdir refuses a non-empty folder).
      await fsp.rmdir(path.dirname(file)).catch(() => undefined)
    },

    publicPath(key) {
      return MEDIA_PUBLIC_PREFIX + checkedKey(key)
    }
  }
}
