import { createNavigation } from 'next-intl/navigation';
import { routing } from './routing';

// Locale-aware Link, redirect and pathname helpers: every internal link goes through these.
export const { Link, redirect, usePathname, getPathname } = createNavigation(routing);
