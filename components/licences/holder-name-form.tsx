import { Button } from '@/components/ui/button';
import { Field } from '@/components/ui/field';
import { TextInput } from '@/components/ui/inputs';

interface Labels {
  heading: string;
  lead: string;
  label: string;
  hint: string;
  submit: string;
  errorPrefix: string;
}

/**
 * Asks for the name printed on the document. A plain GET form to this same page (no action
 * address, so it stays on whatever address the visitor used), so it works without JavaScript.
 */
export function HolderNameForm({ labels, value, error }: { labels: Labels; value?: string; error?: string }) {
  return (
    <form method="get" className="mb-8 max-w-xl" aria-labelledby="holder-name-heading">
      <h2 id="holder-name-heading" className="mb-2 text-2xl font-bold">{labels.heading}</h2>
      <p className="mb-4">{labels.lead}</p>
      <Field id="name" label={labels.label} hint={labels.hint} error={error} errorPrefix={labels.errorPrefix}>
        <TextInput id="name" hint={labels.hint} error={error} defaultValue={value} maxLength={120} autoComplete="off" spellCheck={false} />
      </Field>
      <Button>{labels.submit}</Button>
    </form>
  );
}
