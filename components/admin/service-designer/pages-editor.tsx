'use client';
// Pages of questions: a list of pages, each a list of questions, each with its list of choices.
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { fieldTypes } from '@/lib/services/definition';
import { emptyField, emptyText, type DesignerValues } from '@/lib/services/designer-form';
import { AddButton, Bilingual, CheckBox, fill, Item, ListProblem, RemoveButton, SelectBox, TextBox, useTexts } from './controls';

const choiceTypes = new Set(['select', 'radios', 'checkboxes']);

function Options({ at }: { at: `pages.${number}.fields.${number}` }) {
  const t = useTexts();
  const { fields, append, remove } = useFieldArray<DesignerValues, `${typeof at}.options`>({ name: `${at}.options` });
  return (
    <div className="mb-4">
      <p className="mb-2 font-bold">{t.options}</p>
      <ListProblem path={`${at}.options`} />
      {fields.map((option, i) => (
        <Item key={option.id} legend={fill(t.option, { number: i + 1 })} remove={() => remove(i)} removeLabel={fill(t.removeOption, { number: i + 1 })}>
          <TextBox path={`${at}.options.${i}.value`} label={t.optionValue} hint={t.problems.codeFormat} className="max-w-80" />
          <Bilingual path={`${at}.options.${i}.label`} legend={t.label} />
        </Item>
      ))}
      <AddButton onClick={() => append({ value: '', label: emptyText() })}>{t.addOption}</AddButton>
    </div>
  );
}

function Question({ at, number, remove }: { at: `pages.${number}.fields.${number}`; number: number; remove?: () => void }) {
  const t = useTexts();
  const type = useWatch<DesignerValues, `${typeof at}.type`>({ name: `${at}.type` });
  return (
    <Item legend={fill(t.question, { number })} remove={remove} removeLabel={fill(t.removeQuestion, { number })}>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextBox path={`${at}.key`} label={t.fieldKey} hint={t.fieldKeyHint} />
        <SelectBox path={`${at}.type`} label={t.fieldType} options={fieldTypes.map((value) => ({ value, label: t.types[value] }))} />
      </div>
      <Bilingual path={`${at}.label`} legend={t.label} />
      <Bilingual path={`${at}.hint`} legend={t.hint} />
      <CheckBox path={`${at}.required`} label={t.required} />
      {type === 'number' ? (
        <div className="grid gap-x-4 sm:grid-cols-2">
          <TextBox path={`${at}.min`} label={t.min} number />
          <TextBox path={`${at}.max`} label={t.max} number />
        </div>
      ) : null}
      {choiceTypes.has(type) ? <Options at={at} /> : null}
      <ConditionBoxes at={at} />
    </Item>
  );
}

/** "Asked only when": the key of another question and the answer that shows this one. */
export function ConditionBoxes({ at }: { at: `pages.${number}.fields.${number}` | `documents.${number}` }) {
  const t = useTexts();
  return (
    <fieldset className="mb-2">
      <legend className="mb-1 font-bold">{t.showIf}</legend>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <TextBox path={`${at}.showIf.field`} label={t.showIfField} />
        <TextBox path={`${at}.showIf.equals`} label={t.showIfEquals} hint={t.showIfEqualsHint} />
      </div>
    </fieldset>
  );
}

function Questions({ page }: { page: number }) {
  const t = useTexts();
  const { fields, append, remove } = useFieldArray<DesignerValues, `pages.${number}.fields`>({ name: `pages.${page}.fields` });
  return (
    <>
      <ListProblem path={`pages.${page}.fields`} />
      {fields.map((field, i) => (
        <Question key={field.id} at={`pages.${page}.fields.${i}`} number={i + 1} remove={fields.length > 1 ? () => remove(i) : undefined} />
      ))}
      <AddButton onClick={() => append(emptyField())}>{t.addQuestion}</AddButton>
    </>
  );
}

export function PagesEditor() {
  const t = useTexts();
  const { control } = useFormContext<DesignerValues>();
  const { fields, append, remove } = useFieldArray({ control, name: 'pages' });
  return (
    <section aria-labelledby="designer-questions" className="mb-8">
      <h2 id="designer-questions" className="mb-4 text-2xl font-bold">{t.questions}</h2>
      <ListProblem path="pages" />
      {fields.map((page, i) => (
        <section key={page.id} data-list-item aria-labelledby={`designer-page-${i}`} className="mb-6 border-l-4 border-brand-700 pl-4">
          <h3 id={`designer-page-${i}`} className="mb-2 text-xl font-bold">{fill(t.page, { number: i + 1 })}</h3>
          <TextBox path={`pages.${i}.key`} label={fill(t.pageKey, { number: i + 1 })} hint={t.problems.codeFormat} className="max-w-80" />
          <Bilingual path={`pages.${i}.title`} legend={fill(t.pageTitle, { number: i + 1 })} />
          <Questions page={i} />
          {fields.length > 1 ? <RemoveButton className="mb-6" onRemove={() => remove(i)}>{fill(t.removePage, { number: i + 1 })}</RemoveButton> : null}
        </section>
      ))}
      <AddButton onClick={() => append({ key: '', title: emptyText(), fields: [emptyField()] })}>{t.addPage}</AddButton>
    </section>
  );
}
