import { expect, test } from 'vitest';
import { applicationOutcome } from '@/lib/applications/outcome';

const decidedAt = new Date('2026-12-01T03:00:00Z');
const revokedAt = new Date('2026-12-02T04:00:00Z');

test('a file still in the ministry has no outcome: its stage and expected date show', () => {
  for (const status of ['draft', 'submitted', 'in_review', 'info_requested'] as const) {
    expect(applicationOutcome({ status, decidedAt: null }, null)).toBeNull();
  }
});

test('a decided file shows its decision and the day it was taken', () => {
  expect(applicationOutcome({ status: 'approved', decidedAt }, null)).toEqual({ decision: 'approved', on: decidedAt });
  expect(applicationOutcome({ status: 'rejected', decidedAt }, null)).toEqual({ decision: 'rejected', on: decidedAt });
  expect(applicationOutcome({ status: 'withdrawn', decidedAt: null }, null)).toEqual({ decision: 'withdrawn', on: null });
  expect(applicationOutcome({ status: 'issued', decidedAt }, { status: 'valid', revokedAt: null })).toEqual({ decision: 'issued', on: decidedAt });
});

test('a revoked licence outweighs "issued", with the day it was revoked', () => {
  expect(applicationOutcome({ status: 'issued', decidedAt }, { status: 'revoked', revokedAt })).toEqual({ decision: 'revoked', on: revokedAt });
});
