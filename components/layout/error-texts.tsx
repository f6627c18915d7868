'use client';
import { createContext, use, type ReactNode } from 'react';

export interface ErrorTexts {
  title: string;
  body: string;
  retry: string;
  /** "... quote the reference {reference}." */
  reference: string;
  /** The id of the request that rendered the page (X-Request-Id), when the app server gave one. */
  requestId: string | null;
}

// The error page is a client component that receives no props: the layout hands it its words.
const ErrorTextsContext = createContext<ErrorTexts>({ title: '', body: '', retry: '', reference: '', requestId: null });

export function ErrorTextsProvider({ value, children }: { value: ErrorTexts; children: ReactNode }) {
  return <ErrorTextsContext value={value}>{children}</ErrorTextsContext>;
}

export function useErrorTexts(): ErrorTexts {
  return use(ErrorTextsContext);
}
