// GOV.UK's date input: day, month and year as three boxes of digits inside the question's
// fieldset, in that order whatever the browser's language. Posts `<name>.day`, `<name>.month`
// and `<name>.year`; only the boxes a message is about are marked wrong.
import type { DatePart, DateParts } from '@/lib/services/date-answer';
import { dateParts } from '@/lib/services/date-answer';

const widths: Record<DatePart, string> = { day: 'w-16', month: 'w-16', year: 'w-24' };

export function DateInput({
  name, value, labels, invalid,
}: { name: string; value: DateParts; labels: Record<DatePart, string>; invalid: readonly DatePart[] }) {
  return (
    <div className="flex flex-wrap gap-4">
      {dateParts.map((part) => {
        const id = `${name}.${part}`;
        return (
          <div key={part} className="flex flex-col gap-1">
            <label htmlFor={id}>{labels[part]}</label>
            <input
              id={id}
              name={id}
              type="text"
              inputMode="numeric"
              defaultValue={value[part]}
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalid.includes(part) ? true : undefined}
              className={`min-h-11 rounded-none border-2 bg-white px-3 py-2 text-base focus:outline-none ${widths[part]} ${invalid.includes(part) ? 'border-red-700' : 'border-slate-800'}`}
            />
          </div>
        );
      })}
    </div>
  );
}
