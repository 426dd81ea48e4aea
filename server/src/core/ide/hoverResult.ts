/** A hover: Markdown, and the file range of the element it explains. */
export interface HoverResult {
  markdown: string;
  start: number;
  end: number;
}
