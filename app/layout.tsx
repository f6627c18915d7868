import type { ReactNode } from 'react';

// The document itself is rendered by app/[locale]/layout.tsx, which knows the language.
// This root layout only exists so that app/not-found.tsx has a parent.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
