import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { getStaffPlan, updatePlan } from '@/api/staff/content'
import { LIMITS } from '@/domain/content'
import type { Plan, PlanSection } from '@/domain/plan'
import { planProblems, type StaffPlan } from '@/domain/plan-input'
import { go } from '@/navigation'
import { routes } from '@/routes'
import { TextField, fieldsOf } from '@/components/fields'
import { ListField } from '../components/list-field'
import { StaffPage } from '../components/staff-page'
import { Collapsible } from '../editor-kit/controls'
import { DraftOffer, EditorAlerts, EditorStatus, SaveBar } from '../editor-kit/editor-chrome'
import { RecordLoader } from '../editor-kit/record-loader'
import { hasErrorsUnder, useEditor, type Editor } from '../editor-kit/use-editor'
import { useStaffResource } from '../editor-kit/use-staff-resource'
import { emptySection, figureGroups, formOf, formOfDraft, inputOf, type FigureRow, type PlanForm } from './form'
import './index.scss'

type PlanEditor = Editor<StaffPlan, PlanForm, Plan>

const draftKeyOf = () => 'plan'

export default function StaffPlanEditPage() {
  return (
    <StaffPage roles={['editor']} className='plan-edit'>
      <PlanLoader />
    </StaffPage>
  )
}

function PlanLoader() {
  const resource = useStaffResource(getStaffPlan, [])
  return (
    <RecordLoader
      resource={resource}
      what='十四五数据'
      notFound={{ title: '未找到规划页', actionText: '返回工作台', onAction: () => void go(routes.staffHome()) }}
    >
      {(plan) => <PlanEditorView initial={plan} />}
    </RecordLoader>
  )
}

function PlanEditorView({ initial }: { initial: StaffPlan }) {
  const editor = useEditor<StaffPlan, PlanForm, Plan>({
    initial,
    draftKeyOf,
    formOf,
    formOfDraft,
    inputOf,
    problemsOf: planProblems,
    send: (plan, _record, version) => updatePlan({ plan, version: version ?? initial.version }),
    fetchLatest: () => getStaffPlan()
  })

  if (editor.offer) return <DraftOffer editor={editor} what='十四五数据' />
  return (
    <View>
      <EditorStatus editor={editor} title='十四五成绩单 · 十五五蓝图' />
      <EditorAlerts editor={editor} />
      <Text className='plan-edit__hint'>点开分组修改。数字须与区总工会发布的原文一致，「显示文字」照原文填写（如「近3500万元」）。</Text>
      <PlanSections editor={editor} />
      <SaveBar editor={editor} note='保存后职工端的规划页和首页数字立即更新。' />
    </View>
  )
}

function PlanSections({ editor }: { editor: PlanEditor }) {
  const { form, errors } = editor
  const [open, setOpen] = useState<Record<string, boolean>>({})
  const toggle = (id: string) => setOpen((previous) => ({ ...previous, [id]: !previous[id] }))
  const update = (change: Partial<PlanForm>) => editor.setForm((previous) => ({ ...previous, ...change }))
  const updateFigure = (index: number, change: Partial<FigureRow>) =>
    editor.setForm((previous) => ({
      ...previous,
      figures: previous.figures.map((figure, at) => (at === index ? { ...figure, ...change } : figure))
    }))
  const field = fieldsOf(form, errors, update, 'plan')
  const quote = fieldsOf(form.quote, errors, (change) => update({ quote: { ...form.quote, ...change } }), 'plan.quote')

  return (
    <View>
      <Collapsible
        title='标题与导语'
        summary={form.title}
        open={Boolean(open.intro)}
        onToggle={() => toggle('intro')}
        hasErrors={['plan.title', 'plan.subtitle', 'plan.summary'].some((field) => errors[field])}
      >
        <TextField label='标题' {...field('title')} max={LIMITS.title} />
        <TextField label='副标题（可不填）' {...field('subtitle')} max={LIMITS.title} />
        <TextField label='导语' {...field('summary')} max={LIMITS.planText} multiline />
      </Collapsible>

      {figureGroups(form.figures).map(({ group, indexes }) => (
        <Collapsible
          key={group}
          title={`十四五数据 · ${group}`}
          summary={`${indexes.length} 个数字：${indexes.map((index) => form.figures[index].label).join('、')}`}
          open={Boolean(open[`group:${group}`])}
          onToggle={() => toggle(`group:${group}`)}
          hasErrors={indexes.some((index) => hasErrorsUnder(errors, `plan.figures.${index}`))}
        >
          {indexes.map((index) => (
            <FigureFields
              key={form.figures[index].key}
              figure={form.figures[index]}
              index={index}
              errors={errors}
              onChange={(change) => updateFigure(index, change)}
            />
          ))}
        </Collapsible>
      ))}

      <Collapsible
        title='十四五成绩'
        summary={`${form.achievements.length} 节`}
        open={Boolean(open.achievements)}
        onToggle={() => toggle('achievements')}
        hasErrors={hasErrorsUnder(errors, 'plan.achievements')}
      >
        <SectionsField
          name='plan.achievements'
          label='成绩'
          sections={form.achievements}
          errors={errors}
          onChange={(achievements) => update({ achievements })}
        />
      </Collapsible>

      <Collapsible
        title='十五五任务'
        summary={`${form.tasks.length} 节`}
        open={Boolean(open.tasks)}
        onToggle={() => toggle('tasks')}
        hasErrors={hasErrorsUnder(errors, 'plan.tasks')}
      >
        <SectionsField name='plan.tasks' label='任务' sections={form.tasks} errors={errors} onChange={(tasks) => update({ tasks })} />
      </Collapsible>

      <Collapsible
        title='引语'
        summary={form.quote.cite || form.quote.text}
        open={Boolean(open.quote)}
        onToggle={() => toggle('quote')}
        hasErrors={hasErrorsUnder(errors, 'plan.quote')}
      >
        <TextField label='引语（可不填）' {...quote('text')} max={LIMITS.planText} multiline />
        <TextField label='出处（可不填）' {...quote('cite')} max={LIMITS.cite} />
      </Collapsible>
    </View>
  )
}

function FigureFields({
  figure,
  index,
  errors,
  onChange
}: {
  figure: FigureRow
  index: number
  errors: Record<string, string>
  onChange: (change: Partial<FigureRow>) => void
}) {
  const field = fieldsOf(figure, errors, onChange, `plan.figures.${index}`)
  return (
    <View className='plan-edit__figure' role='group' aria-label={`数字：${figure.label}`}>
      <Text className='plan-edit__figure-title'>{figure.label || '（未命名）'}</Text>
      <TextField label='名称' {...field('label')} max={LIMITS.title} />
      <TextField label='显示文字' {...field('display')} max={LIMITS.figureText} hint='职工看到的文字，照原文填写' />
      {/* WXSS has no `*`: each cell of the row is named. */}
      <View className='plan-edit__figure-row'>
        <View className='plan-edit__figure-cell'>
          <TextField label='数值' {...field('amount')} type='digit' hint='用于画图，与单位对应' />
        </View>
        <View className='plan-edit__figure-cell'>
          <TextField label='单位' {...field('unit')} max={LIMITS.figureText} />
        </View>
      </View>
    </View>
  )
}

interface SectionsFieldProps {
  name: string
  label: string
  sections: PlanSection[]
  errors: Record<string, string>
  onChange: (sections: PlanSection[]) => void
}

/** Achievement or task sections: a title, a lead and their points, each section movable. */
function SectionsField({ name, label, sections, errors, onChange }: SectionsFieldProps) {
  return (
    <ListField
      label={label}
      name={name}
      items={sections}
      error={errors[name]}
      blank={emptySection}
      addLabel={`添加一节${label}`}
      onChange={onChange}
      renderItem={(section, change, at) => {
        const field = fieldsOf(section, errors, (next) => change({ ...section, ...next }), `${name}.${at}`)
        const points = field('points')
        return (
          <View>
            <TextField label='标题' {...field('title')} max={LIMITS.title} />
            <TextField label='导语（可不填）' {...field('lead')} max={LIMITS.planText} multiline />
            <ListField
              label='要点'
              name={points.name}
              items={points.value}
              error={points.error}
              blank={() => ''}
              addLabel='添加一条要点'
              onChange={points.onChange}
              renderItem={(point, changePoint, pointAt) => (
                <TextField
                  label={`要点 ${pointAt + 1}`}
                  name={`${points.name}.${pointAt}`}
                  value={point}
                  max={LIMITS.listItem}
                  multiline
                  error={errors[`${points.name}.${pointAt}`]}
                  onChange={changePoint}
                />
              )}
            />
          </View>
        )
      }}
    />
  )
}
