/** The one validation engine: how a text field is judged, in what order, and the rules written once for accounts. */
import { DISPLAY_NAME_MAX_LENGTH, displayNameProblem } from '@/domain/accounts'
import { checkText, collector, type TextRule } from '@/domain/validation'

function problemsOf(value: string, rule: TextRule): string[] {
  const { problems, check } = collector()
  checkText(check, 'field', '名称', value, rule)
  return problems.map((problem) => problem.message)
}

describe('a text field', () => {
  it('is counted in characters as people count them', () => {
    expect(problemsOf('𠀀'.repeat(3), { max: 3 })).toEqual([])
    expect(problemsOf('𠀀'.repeat(4), { max: 3 })).toEqual(['名称不能超过 3 字（现 4 字）'])
  })

  it('when required and blank, only asks for it, however many spaces were sent', () => {
    expect(problemsOf('', { required: true, max: 3 })).toEqual(['请填写名称'])
    expect(problemsOf(' '.repeat(10), { required: true, max: 3 })).toEqual(['请填写名称'])
    expect(problemsOf(' '.repeat(10), { min: 2, max: 3 })).toEqual(['请填写名称'])
    expect(problemsOf('', { max: 3 })).toEqual([])
  })

  it('counts its minimum without the spaces around it', () => {
    expect(problemsOf(' 甲 ', { min: 2, max: 10 })).toEqual(['名称至少 2 个字'])
    expect(problemsOf(' 甲乙 ', { min: 2, max: 10 })).toEqual([])
  })

  it('refuses control characters only where the rule says, line breaks only on one line', () => {
    expect(problemsOf('甲\n乙', { max: 10 })).toEqual([])
    expect(problemsOf('甲\n乙', { max: 10, lines: 'one' })).toEqual(['名称不能包含换行或控制字符'])
    expect(problemsOf('甲\n乙', { max: 10, lines: 'paragraphs' })).toEqual([])
    expect(problemsOf('甲\u202e乙', { max: 10, lines: 'paragraphs' })).toEqual(['名称不能包含除换行外的控制字符'])
    expect(problemsOf('\n'.repeat(20), { min: 2, max: 10, lines: 'one' })).toEqual(['名称不能包含换行或控制字符'])
  })
})

describe('a display name', () => {
  it(`is required and at most ${DISPLAY_NAME_MAX_LENGTH} characters, spaces around it not counted`, () => {
    expect(displayNameProblem('  ')).toBe('请填写姓名')
    expect(displayNameProblem(` ${'张'.repeat(DISPLAY_NAME_MAX_LENGTH)} `)).toBeUndefined()
    expect(displayNameProblem('张'.repeat(DISPLAY_NAME_MAX_LENGTH + 1))).toBe(
      `姓名不能超过 ${DISPLAY_NAME_MAX_LENGTH} 字（现 ${DISPLAY_NAME_MAX_LENGTH + 1} 字）`
    )
  })
})
