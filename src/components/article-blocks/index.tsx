import { Image, Text, View } from '@tarojs/components'
import { mediaUrl } from '@/api/client'
import type { Block } from '@/domain/news'
import './index.scss'

/**
 * An article body from its structured blocks. Text is rendered as text, never parsed as HTML,
 * so content from the API cannot inject markup (and WeChat has no HTML to parse anyway).
 */
export function ArticleBlocks({ blocks }: { blocks: Block[] }) {
  return (
    <View className='article-blocks'>
      {blocks.map((block, index) => (
        // Blocks have no ids and never reorder within one article, so their position is a stable key.
        <ArticleBlock key={index} block={block} />
      ))}
    </View>
  )
}

function ArticleBlock({ block }: { block: Block }) {
  switch (block.type) {
    case 'heading':
      return (
        <Text className='article-blocks__heading' selectable>
          {block.text}
        </Text>
      )
    case 'paragraph':
      return (
        <Text className='article-blocks__paragraph' selectable>
          {block.text}
        </Text>
      )
    case 'image':
      return (
        <View className='article-blocks__figure'>
          <Image className='article-blocks__image' src={mediaUrl(block.src) ?? ''} mode='widthFix' lazyLoad aria-label={block.alt ?? block.caption} />
          {block.caption && <Text className='article-blocks__caption'>{block.caption}</Text>}
        </View>
      )
    case 'quote':
      return (
        <View className='article-blocks__quote'>
          <Text className='article-blocks__quote-text' selectable>
            {block.text}
          </Text>
          {block.cite && <Text className='article-blocks__cite'>—— {block.cite}</Text>}
        </View>
      )
    default:
      // A block type this version of the app does not know (a newer API): skip it rather than break the article.
      return null
  }
}
