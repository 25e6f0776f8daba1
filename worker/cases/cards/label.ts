const segmenter = new Intl.Segmenter('th', { granularity: 'grapheme' });

/**
 * A button label that fits LINE's 20-character limit, counted as LINE counts: in grapheme clusters, so
 * Thai vowel and tone marks are free. Longer labels are cut with an ellipsis.
 */
export function fitLabel(label: string, max = 20): string {
  const graphemes = Array.from(segmenter.segment(label), (s) => s.segment);
  return graphemes.length <= max ? label : `${graphemes.slice(0, max - 1).join('')}…`;
}

/** Quick-reply chips (≤ 13) that send a text each. */
export const messageChips = (texts: { label: string; text: string }[]) => ({
  items: texts.slice(0, 13).map((t) => ({
    type: 'action' as const,
    action: {
      type: 'message' as const,
      label: fitLabel(t.label),
      text: t.text,
    },
  })),
});
