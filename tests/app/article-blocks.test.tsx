import { render, screen } from '@testing-library/react'
import { ArticleBlocks } from '@/components/article-blocks'
import type { Block } from '@/domain'
import './page-helpers'

describe('article blocks', () => {
  it('renders each kind of block, in order', () => {
    const blocks: Block[] = [
      { type: 'heading', text: '深化法律援助服务' },
      { type: 'paragraph', text: '五年来，开展法律宣传和咨询服务超5000人次。' },
      { type: 'image', src: '/media/legal.svg', caption: '法律援助', alt: '示意图' },
      { type: 'quote', text: '将维护权益作为第一目标，助力优化营商环境', cite: '密云区总工会相关负责人' }
    ]
    const { container } = render(<ArticleBlocks blocks={blocks} />)
    const order = Array.from(container.querySelector('.article-blocks')!.children).map((child) => child.className)
    expect(order).toEqual([
      expect.stringContaining('article-blocks__heading'),
      expect.stringContaining('article-blocks__paragraph'),
      expect.stringContaining('article-blocks__figure'),
      expect.stringContaining('article-blocks__quote')
    ])
    expect(screen.getByText('法律援助')).toHaveClass('article-blocks__caption')
    expect(screen.getByText('—— 密云区总工会相关负责人')).toBeInTheDocument()
    expect(screen.getByLabelText('示意图')).toBeInTheDocument()
  })

  it('shows markup in the text as text, never as HTML', () => {
    const { container } = render(<ArticleBlocks blocks={[{ type: 'paragraph', text: '<img src=x onerror=alert(1)><b>粗体</b>' }]} />)
    expect(screen.getByText('<img src=x onerror=alert(1)><b>粗体</b>')).toBeInTheDocument()
    expect(container.querySelector('b')).toBeNull()
    expect(container.querySelector('img')).toBeNull()
  })

  it('skips a block type this version does not know, keeping the rest', () => {
    const blocks = [
      { type: 'video', src: '/media/x.mp4' },
      { type: 'paragraph', text: '正文' }
    ] as unknown as Block[]
    render(<ArticleBlocks blocks={blocks} />)
    expect(screen.getByText('正文')).toBeInTheDocument()
  })
})
