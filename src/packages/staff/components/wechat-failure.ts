/**
 * Why a WeChat API call that asks the person for something (chooseMedia, chooseLocation) failed, from its errno and
 * errMsg. Each reason needs different advice: only `cancel` is the staffer's own choice and passes in silence.
 * - errno 104 / 「privacy permission is not authorized」: the staffer refused WeChat's privacy popup; it comes again at
 *   the next call, so tapping again is the way (there is no settings switch for privacy consent).
 * - errno 112 / 「api scope is not declared in the privacy agreement」: the mini-program's 用户隐私保护指引 does not
 *   declare this use; no tap on the phone helps, an administrator has to add it in the mini-program console.
 * - 「auth deny」 / 「auth denied」: a permission (摄像头, 位置信息) refused earlier: 右上角「…」→「设置」 turns it back on.
 * - 「system permission denied」: the phone's own settings do not let WeChat use the camera, photos or location.
 */
export type WechatFailure = 'cancel' | 'privacy-refused' | 'privacy-undeclared' | 'permission-refused' | 'system-refused' | 'other'

export function wechatFailureOf(error: unknown): WechatFailure {
  const { errMsg, errno } = (error ?? {}) as { errMsg?: unknown; errno?: unknown }
  const message = String(errMsg ?? '')
  if (errno === 112 || /not declared in the privacy agreement/i.test(message)) return 'privacy-undeclared'
  if (errno === 104 || /privacy/i.test(message)) return 'privacy-refused'
  if (/system permission denied/i.test(message)) return 'system-refused'
  if (/auth den(y|ied)|permission denied/i.test(message)) return 'permission-refused'
  if (/cancel/i.test(message)) return 'cancel'
  return 'other'
}
