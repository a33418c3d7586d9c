// The part of bench/RESULTS.md a bench script owns: the text between two markers, replaced
// whole on each recorded run so that the hand-written sections around it are never touched.

export const SECTION_START = '<!-- bench:start -->';
export const SECTION_END = '<!-- bench:end -->';

/** `document` with the marked section's content replaced by `section`; the markers are appended when missing. */
export function replaceSection(document: string, section: string): string {
  const block = `${SECTION_START}\n${section.trim()}\n${SECTION_END}`;
  const start = document.indexOf(SECTION_START);
  const end = start < 0 ? -1 : document.indexOf(SECTION_END, start);
  if (start < 0 || end < 0) return `${document.replace(/\n*$/, '')}\n\n${block}\n`;
  return document.slice(0, start) + block + document.slice(end + SECTION_END.length);
}
