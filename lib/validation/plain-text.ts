// Names and other text that reach a printed or signed document must be one plain line. A line
// break in a holder's name once added lines to a licence's signed text (issue 12); a tab or an
// invisible control moves what a PDF or a reader shows. So every such field refuses them.

/** C0 and C1 controls (line breaks and tabs included), DEL, and the Unicode line and paragraph separators. */
export const controlCharacters = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;

export const isPlainLine = (value: string) => !controlCharacters.test(value);
