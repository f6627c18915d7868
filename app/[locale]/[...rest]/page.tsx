import { notFound } from 'next/navigation';

// Unknown addresses inside a language render that language's "Page not found".
export default function CatchAll() {
  notFound();
}
