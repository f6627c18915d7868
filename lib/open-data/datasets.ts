// Every published dataset, in the order the open-data page lists them. One line each.
import { complaintsMonthly } from '@/lib/complaints/open-data';
import { satisfactionMonthly } from '@/lib/satisfaction/open-data';
import { auditHeadsDataset } from './audit-heads-dataset';
import { catalogueDataset } from './catalogue';
import type { OpenDataset } from './dataset';
import { performanceMonthlyDataset } from './performance-monthly';
import { serviceChangesDataset } from './service-changes';

export const openDatasets: readonly OpenDataset[] = [
  catalogueDataset,
  serviceChangesDataset,
  performanceMonthlyDataset,
  complaintsMonthly,
  satisfactionMonthly,
  auditHeadsDataset,
];

export const findDataset = (name: string) => openDatasets.find((d) => d.name === name);
