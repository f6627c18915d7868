// The bank's confirmation of a KHQR payment: signed JSON (lib/payments/signing.ts). Public by
// nature (the bank calls it); the signature is the credential.
import { NextResponse } from 'next/server';
import { confirmPayment } from '@/lib/payments/payments';

export async function POST(request: Request) {
  const body = (await request.text()).slice(0, 20_000);
  const { status, outcome } = await confirmPayment(body, request.headers.get('x-signature'));
  return NextResponse.json({ outcome }, { status });
}
