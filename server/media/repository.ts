/**
 * Uploaded images: one row per upload (its variants as JSON), written with its audit record in one transaction.
 * The files themselves are in MediaStorage (server/media/storage.ts).
 */
import type { MediaAsset, StaffMe } from '@/domain'
import { recordAudit } from '../core/audit'
import type { Db } from '../core/db/database'
import { transaction } from '../core/db/transaction'

export interface MediaTable {
  id: string
  src: string
  width: number
  height: number
  original_bytes: number
  /** JSON: MediaAsset['variants'] */
  variants: string
  created_at: string
  created_by: string
}

declare module '../core/db/database' {
  interface Database {
    media: MediaTable
  }
}

export function mediaAssetFromRow(row: MediaTable): MediaAsset {
  return {
    id: row.id,
    src: row.src,
    width: row.width,
    height: row.height,
    originalBytes: row.original_bytes,
    variants: JSON.parse(row.variants)
  }
}

const megabytes = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1)

export function createMediaRepository(db: Db) {
  return {
    async record(asset: MediaAsset, uploader: Pick<StaffMe, 'id' | 'displayName'>, now: Date): Promise<void> {
      await transaction(db, async (trx) => {
        await trx
          .insertInto('media')
          .values({
            id: asset.id,
            src: asset.src,
            width: asset.width,
            height: asset.height,
            original_bytes: asset.originalBytes,
            variants: JSON.stringify(asset.variants),
            created_at: now.toISOString(),
            created_by: uploader.id
          })
          .execute()
        await recordAudit(trx, {
          staff: uploader,
          action: 'upload',
          entity: 'media',
          entityId: asset.id,
          summary: `上传图片（${asset.width}×${asset.height}，${megabytes(asset.originalBytes)} MB）`,
          before: null,
          after: asset,
          at: now
        })
      })
    },

    async find(id: string): Promise<MediaAsset | undefined> {
      const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst()
      return row && mediaAssetFromRow(row)
    }
  }
}

export type MediaRepository = ReturnType<typeof createMediaRepository>
