'use client';
import { useState, type InputHTMLAttributes } from 'react';
import { buttonClass } from './button';
import { describedBy } from './field';

export interface FileInputTexts {
  choose: string;
  none: string;
  chosen: string;
}

/**
 * A file input that speaks the page's language: the browser's own says "Choose file" and "No
 * file chosen" in the browser's. The native input stays in the form, focusable and visually
 * hidden; a label drawn as a button opens it. With JavaScript the chosen file's name shows;
 * without, a required input turns :valid once a file is chosen and CSS swaps "No file chosen"
 * for "A file is chosen" (the form needs noValidate, so an empty upload gets the server's
 * message, not the browser's bubble). `label` says what the file is for, after the visible words.
 */
export function FileInput({
  id, name, label, hint, error, texts, accept = 'application/pdf,image/jpeg,image/png',
}: { id: string; name: string; label: string; hint?: string; error?: string; texts: FileInputTexts; accept?: InputHTMLAttributes<HTMLInputElement>['accept'] }) {
  const [chosen, setChosen] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <input
        id={id}
        name={name}
        type="file"
        accept={accept}
        required
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setChosen(e.currentTarget.files?.[0]?.name ?? null)}
        className="peer sr-only"
      />
      <label
        htmlFor={id}
        className={`${buttonClass('secondary')} cursor-pointer border-2 peer-focus-visible:shadow-[0_0_0_6px_var(--color-slate-900)] peer-focus-visible:outline-3 peer-focus-visible:outline-focus ${error ? 'border-red-700' : 'border-slate-800'}`}
      >
        {texts.choose}
        <span className="sr-only">: {label}</span>
      </label>
      <span className="break-all peer-valid:hidden">{texts.none}</span>
      <span className="hidden break-all font-bold peer-valid:inline">{chosen ?? texts.chosen}</span>
    </div>
  );
}
