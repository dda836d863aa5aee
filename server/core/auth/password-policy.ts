/**
 * The rules for a new staff password, on top of the shape rules the pages check themselves (passwordShapeProblem):
 * not a common password, not a common one dressed up with digits, not built from the login name or the staffer's
 * name. The lists stay on the server: shipping 49 000 words to phones would cost every worker the download.
 *
 * Common passwords: the `passwords-common` dictionary of @zxcvbn-ts/language-common (leaked-password frequency
 * lists), plus what Chinese users pick that those lists miss.
 */
import { dictionary } from '@zxcvbn-ts/language-common'
import { normaliseStaffName, passwordShapeProblem } from '@/domain'

/** Compared after NFKC (full-width 「１２３」 is 「123」) and in lower case, as an attacker's guess list would be. */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase()
}

/** Whole passwords seen in Chinese leaks and guides, long enough to pass the length rule. */
const CHINESE_COMMON_PASSWORDS = [
  'woaini1314',
  'woaini1314520',
  'woaini5201314',
  '5201314',
  '52013145201314',
  '1314520',
  '1314521',
  'iloveyou1314',
  '123456789012',
  '1234567890123',
  '12345678901234',
  '1234567890qwe',
  'qwertyuiop12',
  'qwertyuiop123',
  'qwertyuiop1234',
  '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv',
  '1qaz@wsx3edc',
  '1qaz!qaz2wsx',
  'zaq12wsxcde3',
  'qazwsxedc123',
  'password1234',
  'password12345',
  'password123456',
  'p@ssw0rd1234',
  'admin1234567',
  'admin12345678',
  'admin@123456',
  'admin123456789',
  'administrator1',
  'abc123456789',
  'abcd12345678',
  'a123456789012',
  'aa123456789012',
  'qq123456789012',
  '147258369147',
  '147258369123',
  '159357159357',
  '741852963741',
  '888888888888',
  '666666666666',
  '168168168168',
  '518518518518'
]

/**
 * Words a password is often built on: pinyin phrases, the union's own names, and the commonest full names in pinyin.
 * One of these plus nothing but digits and symbols (「miyun2026!!」, 「zhangwei19880808」) is refused.
 */
const CHINESE_PASSWORD_WORDS = [
  'woaini',
  'aini',
  'iloveyou',
  'mima',
  'mimamima',
  'password',
  'passw0rd',
  'admin',
  'root',
  'guest',
  'test',
  'user',
  'qwerty',
  'qwertyuiop',
  'asdfghjkl',
  'zxcvbnm',
  'abc',
  'abcd',
  'abcdef',
  'miyun',
  '密云',
  '密云工会',
  '密云区总工会',
  '工会',
  '总工会',
  '我爱你',
  '密码',
  'miyungonghui',
  'miyunqu',
  'miyunquzonggonghui',
  'myzgh',
  'mygh',
  'gonghui',
  'zonggonghui',
  'zhigong',
  'beijing',
  'zhongguo',
  'china',
  'weixin',
  'wechat',
  'qq',
  'baidu',
  'taobao',
  'huawei',
  'xiaomi',
  'zhangwei',
  'wangwei',
  'wangfang',
  'liwei',
  'lina',
  'zhangmin',
  'lijing',
  'wangjing',
  'liuwei',
  'wangxiuying',
  'zhangli',
  'lixiuying',
  'wangli',
  'zhangjing',
  'lijun',
  'liqiang',
  'zhangyong',
  'wangyong',
  'liuyang',
  'zhangyan',
  'wangjun',
  'lijie',
  'zhangtao',
  'wangtao',
  'liming',
  'wangming',
  'zhangjie',
  'wanglei',
  'zhanglei',
  'liyang',
  'chenjing',
  'yangfan',
  'zhaojing',
  'huangwei',
  'zhoujie',
  'xuwei',
  'sunli',
  'mayun',
  'zhangsan',
  'lisi',
  'wangwu'
]

const commonPasswords = new Set<string>([...dictionary['passwords-common'], ...CHINESE_COMMON_PASSWORDS].map(fold))
const passwordWords = new Set<string>(CHINESE_PASSWORD_WORDS.map(fold))

/** Digits and symbols around a word add little: guessers try every word with them. */
const DECORATION = /^([\d\p{P}\p{S}\s]*)(.*?)([\d\p{P}\p{S}\s]*)$/u

/**
 * Affixes a guesser tries first: up to four characters, one character repeated, a run like 123456 or 987654, a
 * date-like run of 6–8 digits.
 */
function predictableAffix(affix: string): boolean {
  if (affix.length <= 4) return true
  if (/^(.)\1*$/u.test(affix)) return true
  if (/^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(affix) || /^\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/.test(affix)) return true
  if (['520', '1314', '5201314', '1314520', '888', '666', '168'].some((lucky) => affix.replace(/\D/g, '') === lucky)) return true
  const digits = affix.replace(/\D/g, '')
  if (digits.length === affix.length && digits.length >= 3) {
    const steps = new Set<number>()
    for (let index = 1; index < digits.length; index += 1) steps.add((Number(digits[index]) - Number(digits[index - 1]) + 10) % 10)
    if (steps.size === 1 && (steps.has(1) || steps.has(9))) return true
  }
  return false
}

function isCommon(folded: string): boolean {
  if (commonPasswords.has(folded)) return true
  const match = DECORATION.exec(folded)
  if (!match) return false
  const [, before, core, after] = match
  if (core.length === 0) return false
  // A pinyin name or phrase followed by digits is a birthday or a phone number: refused whatever the digits.
  if (passwordWords.has(core)) return true
  return core.length >= 4 && commonPasswords.has(core) && predictableAffix(before) && predictableAffix(after)
}

/**
 * Long enough to be the staffer's own: two letters (「li」) would refuse half the dictionary, two Chinese
 * characters (「张三」) are already a name.
 */
function significant(text: string): boolean {
  return /[^\x00-\x7f]/.test(text) ? [...text].length >= 2 : text.length >= 3
}

function containsIdentity(folded: string, identity: string): boolean {
  const compact = fold(identity).replace(/\s+/g, '')
  return significant(compact) && folded.replace(/\s+/g, '').includes(compact)
}

export const COMMON_PASSWORD_MESSAGE = '这个密码太常见，很容易被猜到，请换一个'
export const PASSWORD_HAS_NAME_MESSAGE = '密码不能包含账号名'
export const PASSWORD_HAS_DISPLAY_NAME_MESSAGE = '密码不能包含姓名'

/** Why this new password is refused, in Chinese, or undefined when it is acceptable. */
export function newPasswordProblem(password: string, who: { name: string; displayName: string }): string | undefined {
  const shape = passwordShapeProblem(password)
  if (shape) return shape
  const folded = fold(password)
  if (containsIdentity(folded, normaliseStaffName(who.name))) return PASSWORD_HAS_NAME_MESSAGE
  if (containsIdentity(folded, who.displayName)) return PASSWORD_HAS_DISPLAY_NAME_MESSAGE
  if (isCommon(folded)) return COMMON_PASSWORD_MESSAGE
  return undefined
}
