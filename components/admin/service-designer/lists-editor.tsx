'use client';
// The designer's other lists: documents, fee rules (with their amounts), stages, printed conditions
// and printed answers.
import { useFieldArray, useWatch } from 'react-hook-form';
import { emptyFeeRule, emptyText, type DesignerValues } from '@/lib/services/designer-form';
import { AddButton, Bilingual, CheckBox, fill, Item, ListProblem, RemoveButton, SelectBox, TextBox, useTexts } from './controls';
import { ConditionBoxes } from './pages-editor';

export function DocumentsEditor() {
  const t = useTexts();
  const { fields, append, remove } = useFieldArray<DesignerValues, 'documents'>({ name: 'documents' });
  return (
    <>
      {fields.map((doc, i) => (
        <Item key={doc.id} legend={fill(t.document, { number: i + 1 })} remove={() => remove(i)} removeLabel={fill(t.removeDocument, { number: i + 1 })}>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextBox path={`documents.${i}.key`} label={t.documentKey} hint={t.problems.codeFormat} />
            <TextBox path={`documents.${i}.maxFiles`} label={t.maxFiles} number />
          </div>
          <Bilingual path={`documents.${i}.label`} legend={t.documentLabel} />
          <Bilingual path={`documents.${i}.hint`} legend={t.hint} />
          <CheckBox path={`documents.${i}.required`} label={t.documentRequired} />
          <ConditionBoxes at={`documents.${i}`} />
        </Item>
      ))}
      <AddButton onClick={() => append({ key: '', label: emptyText(), hint: emptyText(), required: true, maxFiles: 1, showIf: { field: '', equals: '' } })}>
        {t.addDocument}
      </AddButton>
    </>
  );
}

function Amounts({ rule }: { rule: number }) {
  const t = useTexts();
  const { fields, append, remove } = useFieldArray<DesignerValues, `feeRules.${number}.amounts`>({ name: `feeRules.${rule}.amounts` });
  return (
    <>
      <ListProblem path={`feeRules.${rule}.amounts`} />
      {fields.map((amount, i) => (
        <div key={amount.id} data-list-item className="grid items-end gap-x-4 sm:grid-cols-3">
          <TextBox path={`feeRules.${rule}.amounts.${i}.value`} label={fill(t.amountValue, { number: i + 1 })} />
          <TextBox path={`feeRules.${rule}.amounts.${i}.riel`} label={fill(t.amount, { number: i + 1 })} number />
          <RemoveButton className="mb-6" onRemove={() => remove(i)}>{fill(t.removeAmount, { number: i + 1 })}</RemoveButton>
        </div>
      ))}
      <AddButton onClick={() => append({ value: '', riel: NaN })}>{t.addAmount}</AddButton>
    </>
  );
}

function FeeRule({ index, remove }: { index: number; remove: () => void }) {
  const t = useTexts();
  const kind = useWatch<DesignerValues, `feeRules.${number}.kind`>({ name: `feeRules.${index}.kind` });
  return (
    <Item legend={fill(t.feeRule, { number: index + 1 })} remove={remove} removeLabel={fill(t.removeFeeRule, { number: index + 1 })}>
      <SelectBox path={`feeRules.${index}.kind`} label={t.feeRuleKind} options={[{ value: 'per-unit', label: t.perUnit }, { value: 'by-answer', label: t.byAnswer }]} />
      <TextBox path={`feeRules.${index}.field`} label={t.feeRuleField} className="max-w-80" />
      <Bilingual path={`feeRules.${index}.label`} legend={t.feeRuleLabel} />
      {kind === 'per-unit' ? <TextBox path={`feeRules.${index}.rielPerUnit`} label={t.rielPerUnit} number className="max-w-60" /> : <Amounts rule={index} />}
    </Item>
  );
}

export function FeeRulesEditor() {
  const t = useTexts();
  const { fields, append, remove } = useFieldArray<DesignerValues, 'feeRules'>({ name: 'feeRules' });
  return (
    <>
      <h3 className="mb-2 text-xl font-bold">{t.feeRules}</h3>
      {fields.map((rule, i) => <FeeRule key={rule.id} index={i} remove={() => remove(i)} />)}
      <AddButton onClick={() => append(emptyFeeRule())}>{t.addFeeRule}</AddButton>
    </>
  );
}

export function StagesEditor({ departments }: { departments: { value: string; label: string }[] }) {
  const t = useTexts();
  const { fields, append, remove } = useFieldArray<DesignerValues, 'stages'>({ name: 'stages' });
  return (
    <>
      <ListProblem path="stages" />
      {fields.map((stage, i) => (
        <Item key={stage.id} legend={fill(t.stage, { number: i + 1 })} remove={fields.length > 1 ? () => remove(i) : undefined} removeLabel={fill(t.removeStage, { number: i + 1 })}>
          <div className="grid gap-x-4 sm:grid-cols-2">
            <TextBox path={`stages.${i}.key`} label={t.stageKey} hint={t.problems.codeFormat} />
            <TextBox path={`stages.${i}.deadlineWorkingDays`} label={t.stageDeadline} number />
          </div>
          <Bilingual path={`stages.${i}.name`} legend={t.stageName} />
          <div className="grid gap-x-4 sm:grid-cols-3">
            <SelectBox path={`stages.${i}.department`} label={t.department} options={departments} />
            <SelectBox path={`stages.${i}.decidedBy`} label={t.decidedBy} options={(['clerk', 'department_head'] as const).map((v) => ({ value: v, label: t.deciders[v] }))} />
            <SelectBox path={`stages.${i}.kind`} label={t.kind} options={(['review', 'inspection', 'approval'] as const).map((v) => ({ value: v, label: t.kinds[v] }))} />
          </div>
        </Item>
      ))}
      <AddButton onClick={() => append({ key: '', name: emptyText(), department: departments[0]?.value ?? '', decidedBy: 'clerk', kind: 'review', deadlineWorkingDays: NaN })}>
        {t.addStage}
      </AddButton>
    </>
  );
}

export function ConditionsEditor() {
  const t = useTexts();
  const { fields, append, remove } = useFieldArray<DesignerValues, 'conditions'>({ name: 'conditions' });
  return (
    <>
      <h3 className="mb-2 text-xl font-bold">{t.conditions}</h3>
      {fields.map((condition, i) => (
        <Item key={condition.id} legend={fill(t.condition, { number: i + 1 })} remove={() => remove(i)} removeLabel={fill(t.removeCondition, { number: i + 1 })}>
          <Bilingual path={`conditions.${i}`} legend={fill(t.condition, { number: i + 1 })} />
        </Item>
      ))}
      <AddButton onClick={() => append(emptyText())}>{t.addCondition}</AddButton>
    </>
  );
}

export function PrintedAnswersEditor() {
  const t = useTexts();
  const { fields, append, remove } = useFieldArray<DesignerValues, 'printedAnswers'>({ name: 'printedAnswers' });
  return (
    <>
      <h3 className="mb-2 text-xl font-bold">{t.printedAnswers}</h3>
      {fields.map((answer, i) => (
        <Item key={answer.id} legend={fill(t.printedAnswer, { number: i + 1 })} remove={() => remove(i)} removeLabel={fill(t.removePrintedAnswer, { number: i + 1 })}>
          <TextBox path={`printedAnswers.${i}.field`} label={t.printedField} className="max-w-80" />
          <CheckBox path={`printedAnswers.${i}.public`} label={t.printedPublic} />
        </Item>
      ))}
      <AddButton onClick={() => append({ field: '', public: false })}>{t.addPrintedAnswer}</AddButton>
    </>
  );
}
