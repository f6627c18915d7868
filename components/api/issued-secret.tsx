'use client';
import { useEffect, useRef } from 'react';
import type { IssuedSecret as Issued } from '@/lib/api/manage-clients-actions';

export interface IssuedSecretLabels {
  title: string;
  warning: string;
  clientId: string;
  secret: string;
  tokenTitle: string;
  tokenLead: string;
  tokenUrl: string;
  reference: string;
  referenceHref: string;
  done: string;
}

/**
 * A client's secret, the one time it exists in the clear: after registering or rotating, in the
 * action's answer only. Nothing keeps it (no URL, no cookie, no storage), so a reload shows the
 * page without it. It takes focus when it appears, as the portal's other answers do.
 */
export function IssuedSecret({ issued, labels }: { issued: Issued; labels: IssuedSecretLabels }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [issued]);
  return (
    <section ref={ref} tabIndex={-1} autoFocus aria-labelledby="issued-title" className="mb-6 border-4 border-green-700 p-4 focus:outline-none focus-visible:ring-4 focus-visible:ring-focus">
      <h2 id="issued-title" className="mb-2 text-2xl font-bold">{labels.title}</h2>
      <p className="mb-4 border-l-8 border-amber-600 bg-amber-50 p-3 font-bold">{labels.warning}</p>
      <dl className="mb-4 grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
        <dt className="font-bold">{labels.clientId}</dt>
        <dd><code data-testid="issued-client-id" className="break-all">{issued.clientId}</code></dd>
        <dt className="font-bold">{labels.secret}</dt>
        <dd><code data-testid="issued-secret" className="break-all">{issued.secret}</code></dd>
      </dl>
      <h3 className="mb-2 text-xl font-bold">{labels.tokenTitle}</h3>
      <p className="mb-2">{labels.tokenLead}</p>
      <p className="mb-2"><span className="font-bold">{labels.tokenUrl}:</span> <code className="break-all">POST {issued.tokenUrl}</code></p>
      <pre className="mb-4 overflow-x-auto bg-slate-100 p-3 text-sm" tabIndex={0}>{`curl -u '${issued.clientId}:<secret>' \\\n  -d grant_type=client_credentials \\\n  ${issued.tokenUrl}`}</pre>
      <p className="mb-4"><a href={labels.referenceHref}>{labels.reference}</a></p>
      <p><a href={issued.clientPath} className="font-bold">{labels.done}</a></p>
    </section>
  );
}
