import localFont from 'next/font/local';

// Noto Sans Khmer, shipped with the portal (from @fontsource/noto-sans-khmer), one family per
// subset so that each has its unicode-range. next/font serves the files from /_next/static and
// preloads them, so that the first paint already has them: text drawn in a fallback and redrawn
// when the font arrives moved the whole page (layout shift 0.33 on the home page). Regular and
// bold both show above the fold (headings, the header's ministry name). next/font takes
// only literal options, hence the paths written out.
export const khmerFont = localFont({
  src: [
    { path: '../../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  declarations: [{ prop: 'unicode-range', value: 'U+1780-17FF,U+19E0-19FF,U+200C-200D,U+25CC' }],
  display: 'swap',
  variable: '--font-khmer',
  // Metrics taken from Latin letters, which this subset does not have: no adjusted fallback.
  adjustFontFallback: false,
});

export const latinFont = localFont({
  src: [
    { path: '../../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  declarations: [
    {
      prop: 'unicode-range',
      value: 'U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD',
    },
  ],
  display: 'swap',
  variable: '--font-latin',
});

// Accented Latin letters beyond the first subset are rare (a foreign name): loaded when a page has one.
export const latinExtendedFont = localFont({
  src: [
    { path: '../../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-latin-ext-400-normal.woff2', weight: '400', style: 'normal' },
    { path: '../../node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-latin-ext-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  declarations: [
    {
      prop: 'unicode-range',
      value: 'U+0100-02BA,U+02BD-02C5,U+02C7-02CC,U+02CE-02D7,U+02DD-02FF,U+0304,U+0308,U+0329,U+1D00-1DBF,U+1E00-1E9F,U+1EF2-1EFF,U+2020,U+20A0-20AB,U+20AD-20C0,U+2113,U+2C60-2C7F,U+A720-A7FF',
    },
  ],
  display: 'swap',
  preload: false,
  adjustFontFallback: false,
  variable: '--font-latin-extended',
});

/** The classes that define the fonts' variables, for the <html> element. */
export const fontVariables = [khmerFont.variable, latinExtendedFont.variable, latinFont.variable].join(' ');
