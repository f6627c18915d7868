// The service designer driven as an administrator would: shared by the designer's own test and
// the journey that takes a service from nothing to an issued licence.
import type { Page } from '@playwright/test';
import { hydrated } from './fixtures';

export const buttons = {
  en: { addQuestion: 'Add a question', addPage: 'Add a page', addOption: 'Add a choice', addDocument: 'Add a document', addFeeRule: 'Add a fee rule', addStage: 'Add a stage', addPrintedAnswer: 'Add a printed answer', save: 'Save the draft' },
  km: { addQuestion: 'បន្ថែមសំណួរ', addPage: 'បន្ថែមទំព័រ', addOption: 'បន្ថែមជម្រើស', addDocument: 'បន្ថែមឯកសារ', addFeeRule: 'បន្ថែមវិធានតម្លៃ', addStage: 'បន្ថែមដំណាក់កាល', addPrintedAnswer: 'បន្ថែមចម្លើយដែលបោះពុម្ព', save: 'រក្សាទុកសេចក្តីព្រាង' },
};

export const box = (page: Page, id: string) => page.locator(`[id="${id}"]`);

/**
 * Fills the designer with the oversize load permit, as an administrator would from nothing: two
 * pages (the second with a select that reveals a question), two documents (one only for
 * machinery), a fee per metre of width, and two stages in two departments of 5 and 3 days.
 * The controls are found by their ids (their paths), the same in both languages.
 */
export async function designOversizeLoadPermit(page: Page, locale: 'km' | 'en', code: string, serviceDays: number) {
  const t = buttons[locale];
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const fill = async (values: Record<string, string>) => {
    for (const [id, value] of Object.entries(values)) await box(page, id).fill(value);
  };
  await page.goto(`/${locale}/admin/services/new`);
  await hydrated(box(page, 'code'));
  await fill({
    code, referencePrefix: 'OLP',
    'name.km': 'លិខិតអនុញ្ញាតដឹកបន្ទុកធំលើសកំណត់លើផ្លូវជាតិ', 'name.en': 'Permit to carry an oversize load on a national road',
    'summary.km': 'សម្រាប់ដឹកបន្ទុកដែលធំជាងទំហំកំណត់', 'summary.en': 'For a load wider or heavier than the road limits allow',
    'whoCanApply.km': 'ក្រុមហ៊ុនដឹកជញ្ជូន', 'whoCanApply.en': 'Transport companies',
    'legalBasis.km': 'ប្រកាសលេខ ១២៣', 'legalBasis.en': 'Prakas No. 123',
  });
  await box(page, 'applicants-person').uncheck();

  await fill({ 'pages.0.key': 'journey', 'pages.0.title.km': 'ដំណើរ', 'pages.0.title.en': 'The journey' });
  await box(page, 'pages.0.fields.0.type').selectOption('number');
  await fill({ 'pages.0.fields.0.key': 'loadWidth', 'pages.0.fields.0.label.km': 'ទទឹងបន្ទុកគិតជាម៉ែត្រ', 'pages.0.fields.0.label.en': 'Width of the load in metres', 'pages.0.fields.0.min': '3' });
  await button(t.addQuestion).click();
  await box(page, 'pages.0.fields.1.type').selectOption('date');
  await fill({ 'pages.0.fields.1.key': 'travelDate', 'pages.0.fields.1.label.km': 'កាលបរិច្ឆេទធ្វើដំណើរ', 'pages.0.fields.1.label.en': 'Date of travel' });

  await button(t.addPage).click();
  await fill({ 'pages.1.key': 'load', 'pages.1.title.km': 'បន្ទុក', 'pages.1.title.en': 'The load' });
  await box(page, 'pages.1.fields.0.type').selectOption('select');
  await fill({ 'pages.1.fields.0.key': 'loadType', 'pages.1.fields.0.label.km': 'ប្រភេទបន្ទុក', 'pages.1.fields.0.label.en': 'Type of load' });
  await button(t.addOption).click();
  await fill({ 'pages.1.fields.0.options.0.value': 'machinery', 'pages.1.fields.0.options.0.label.km': 'គ្រឿងចក្រ', 'pages.1.fields.0.options.0.label.en': 'Machinery' });
  await button(t.addOption).click();
  await fill({ 'pages.1.fields.0.options.1.value': 'building-parts', 'pages.1.fields.0.options.1.label.km': 'គ្រឿងសំណង់', 'pages.1.fields.0.options.1.label.en': 'Building parts' });
  await button(t.addQuestion).last().click();
  await box(page, 'pages.1.fields.1.type').selectOption('number');
  await fill({
    'pages.1.fields.1.key': 'machineryWeight', 'pages.1.fields.1.label.km': 'ទម្ងន់គ្រឿងចក្រគិតជាតោន', 'pages.1.fields.1.label.en': 'Weight of the machinery in tonnes',
    'pages.1.fields.1.showIf.field': 'loadType', 'pages.1.fields.1.showIf.equals': 'machinery',
  });

  await button(t.addDocument).click();
  await fill({ 'documents.0.key': 'vehicle-card', 'documents.0.label.km': 'កាតចុះបញ្ជីយានយន្ត', 'documents.0.label.en': 'Vehicle registration card' });
  await button(t.addDocument).click();
  await fill({
    'documents.1.key': 'machinery-certificate', 'documents.1.label.km': 'វិញ្ញាបនបត្រគ្រឿងចក្រ', 'documents.1.label.en': 'Certificate of the machinery',
    'documents.1.showIf.field': 'loadType', 'documents.1.showIf.equals': 'machinery',
  });

  await fill({ feeRiel: '100000' });
  await button(t.addFeeRule).click();
  await fill({ 'feeRules.0.field': 'loadWidth', 'feeRules.0.label.km': 'ក្នុងមួយម៉ែត្រនៃទទឹង', 'feeRules.0.label.en': 'For each metre of width', 'feeRules.0.rielPerUnit': '20000' });
  await box(page, 'refundIfRefused').selectOption('all-but-base');

  await box(page, 'stages.0.department').selectOption('land-transport');
  await fill({ 'stages.0.key': 'review', 'stages.0.name.km': 'ការពិនិត្យឯកសារ', 'stages.0.name.en': 'Document review', 'stages.0.deadlineWorkingDays': '5' });
  await button(t.addStage).click();
  await box(page, 'stages.1.department').selectOption('public-works');
  await box(page, 'stages.1.decidedBy').selectOption('department_head');
  await box(page, 'stages.1.kind').selectOption('approval');
  await fill({ 'stages.1.key': 'approval', 'stages.1.name.km': 'ការអនុម័ត', 'stages.1.name.en': 'Approval', 'stages.1.deadlineWorkingDays': '3' });
  await fill({ deadlineWorkingDays: String(serviceDays) });

  await fill({ 'issues.km': 'លិខិតអនុញ្ញាតដឹកបន្ទុកធំ', 'issues.en': 'Oversize load permit', validityMonths: '3' });
  await button(t.addPrintedAnswer).click();
  await fill({ 'printedAnswers.0.field': 'loadWidth' });
  await box(page, 'printedAnswers.0.public').check();
}
