/**
 * 暂停开放 / 恢复开放 for a saved station. Closing asks for the reason workers will read (「装修，预计12月恢复」);
 * both are saved at once, against the version the editor holds, and leave whatever is typed in the form alone.
 */
import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { closeStation, reopenStation, type StaffStation } from '@/api/staff/stations'
import { STATION_LIMITS, closeReasonProblems } from '@/domain/station-input'
import { saveFailureOf } from '../components/save-errors'
import { ReasonPrompt } from '../editor-kit/controls'

interface OpenStateProps {
  station: StaffStation
  /** The server's answer, for the editor to carry on from. */
  onChanged: (station: StaffStation) => void
}

type Outcome = { tone: 'success' | 'error'; text: string }

export function OpenState({ station, onChanged }: OpenStateProps) {
  const [asking, setAsking] = useState(false)
  const [reason, setReason] = useState('')
  const [problem, setProblem] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [outcome, setOutcome] = useState<Outcome>()

  async function run(work: () => Promise<StaffStation>, done: string) {
    if (busy) return
    setBusy(true)
    setOutcome(undefined)
    try {
      onChanged(await work())
      setAsking(false)
      setReason('')
      setOutcome({ tone: 'success', text: done })
    } catch (error) {
      const failure = saveFailureOf(error)
      if (failure.kind === 'fields') setProblem(failure.problems[0]?.message ?? failure.message)
      else setOutcome({ tone: 'error', text: failure.kind === 'conflict' ? `${failure.message}。请先载入最新版本再操作。` : failure.message })
    } finally {
      setBusy(false)
    }
  }

  function close() {
    const found = closeReasonProblems(reason)[0]?.message
    setProblem(found)
    if (found) return
    void run(() => closeStation(station.id, { reason: reason.trim(), version: station.version }), '已暂停开放，职工端显示「暂停开放」和原因')
  }

  return (
    <View className='station-open-state' role='group' aria-label='开放状态'>
      <Text className='station-open-state__line'>{station.closedReason ? `暂停开放中：${station.closedReason}` : '开放中：职工端按开放时间显示是否营业'}</Text>
      {station.closedReason ? (
        <Button
          className='editor-kit__button'
          disabled={busy}
          onClick={() => void run(() => reopenStation(station.id, { version: station.version }), '已恢复开放')}
        >
          恢复开放
        </Button>
      ) : asking ? (
        <View className='station-open-state__ask'>
          <ReasonPrompt
            label='暂停原因'
            max={STATION_LIMITS.closeReason}
            placeholder='如：内部装修，预计12月中旬恢复'
            hint='职工会在站点页看到这句话'
            reason={reason}
            problem={problem}
            onReason={(next) => {
              setReason(next)
              setProblem(undefined)
            }}
            busy={busy}
            confirmText='确定暂停开放'
            onConfirm={close}
            cancelText='取消'
            onCancel={() => {
              setAsking(false)
              setProblem(undefined)
            }}
          />
        </View>
      ) : (
        <Button className='editor-kit__button editor-kit__button--danger' disabled={busy} onClick={() => setAsking(true)}>
          暂停开放
        </Button>
      )}
      {outcome && (
        <View className={`editor-kit__notice editor-kit__notice--${outcome.tone}`} role={outcome.tone === 'error' ? 'alert' : 'status'}>
          <Text>{outcome.text}</Text>
        </View>
      )}
    </View>
  )
}
